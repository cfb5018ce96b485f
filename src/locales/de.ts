// The German catalogue as its own entry, so that English-only apps never bundle it.
export { de } from '../i18n/de';
