import { forwardRef, Fragment, useId, type MouseEvent } from 'react';
import { useHotkeyHelp, type HotkeyHelpRow, type UseHotkeyHelpOptions } from '../../hooks/use-hotkey-help';
import { useThemeAttributes } from '../../hooks/use-appearance';
import { useTranslate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import type { HotkeyPlatform } from '../../core/hotkeys/types';
import { Button } from '../shared/button';
import { classNames, visuallyHidden } from '../shared/class-names';
import { ModalDialog } from '../shared/modal-dialog';

/** Props of `HotkeyHelp`: the hook's options plus the Customize action, the trigger and its class. */
export interface HotkeyHelpProps extends UseHotkeyHelpOptions {
  /** Where "Customize" leads (the host's shortcut settings), rendered as a link. */
  customizeHref?: string;
  /** Called when "Customize" is chosen (after the dialog closes); with `customizeHref` it runs on the link's click, so a router can take over. */
  onCustomize?: (event: MouseEvent<HTMLElement>) => void;
  /** Whether to render the "Keyboard shortcuts" button that opens the dialog; leave it off when the host opens it (`open`). @default true */
  showTrigger?: boolean;
  /** A class for the "Keyboard shortcuts" button. */
  className?: string;
}

/** A combo as `<kbd>` chips, with the visible text matching what a screen reader reads (`Ctrl+Z`, `⌘Z`). */
function Combo({ row, platform }: { row: HotkeyHelpRow; platform: HotkeyPlatform }) {
  return (
    <span data-slot="ras-hotkey-help-combo">
      {row.parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && platform !== 'mac' ? '+' : null}
          <kbd data-slot="ras-kbd">{part}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * A "Keyboard shortcuts" button and the dialog it opens (also on `?`): the user's effective
 * shortcuts by section, each with its combo as the platform shows it (⌘ on macOS), "Disabled" for
 * the ones turned off and "Not set" for the empty ones; a search; "Customize", which leads where
 * the host says; and Print. Every row prints, without the overlay or scrolling. A `ref` reaches
 * the button.
 *
 * @example
 * <HotkeyHelp customizeHref="/settings/hotkeys" />
 */
export const HotkeyHelp = forwardRef<HTMLButtonElement, HotkeyHelpProps>(function HotkeyHelp(
  { customizeHref, onCustomize, showTrigger = true, className, ...options },
  ref,
) {
  const themeAttributes = useThemeAttributes();
  const t = useTranslate();
  const id = useId();
  const help = useHotkeyHelp(options);
  const openOnQuestionMark = options.openOnQuestionMark ?? true;

  const customize = (event: MouseEvent<HTMLElement>) => {
    help.setOpen(false);
    onCustomize?.(event);
  };

  const body =
    help.status === 'loading' ? (
      <div data-slot="ras-hotkey-help-loading" aria-busy="true">
        <p style={visuallyHidden}>{t('hotkeyHelp.loading')}</p>
        {[0, 1, 2, 3].map((n) => (
          <div key={n} data-slot="ras-skeleton" aria-hidden="true" />
        ))}
      </div>
    ) : help.totalCount === 0 ? (
      <p data-slot="ras-hotkey-help-empty">{t('hotkeyHelp.empty')}</p>
    ) : (
      <>
        {help.visibleCount === 0 ? (
          <p data-slot="ras-hotkey-help-no-match">{t('hotkeyHelp.noMatches', { query: help.query.trim() })}</p>
        ) : null}
        {help.sections.map((section) => (
          // Rows that don't match stay in the page, hidden, so that a printout always lists them all.
          <section
            key={section.id}
            data-slot="ras-hotkey-help-section"
            aria-labelledby={`${id}-${section.id}`}
            hidden={section.visibleCount === 0}
          >
            <h3 id={`${id}-${section.id}`} data-slot="ras-hotkey-help-section-title">
              {section.title}
            </h3>
            <ul data-slot="ras-hotkey-help-list">
              {section.rows.map((row) => (
                <li
                  key={row.id}
                  data-slot="ras-hotkey-help-row"
                  data-state={row.isActive ? 'active' : 'inactive'}
                  aria-labelledby={`${id}-${row.id}`}
                  hidden={!row.isVisible}
                >
                  <span id={`${id}-${row.id}`} data-slot="ras-hotkey-help-label">
                    {row.label}
                  </span>
                  <span data-slot="ras-hotkey-help-keys">
                    {row.combo === '' ? (
                      <span data-slot="ras-hotkey-help-not-set">{t('hotkeyHelp.notSet')}</span>
                    ) : (
                      <Combo row={row} platform={help.platform} />
                    )}
                    {row.isActive ? null : <span data-slot="ras-hotkey-help-badge">{t('hotkeyHelp.disabled')}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </>
    );

  return (
    <ModalDialog.Root open={help.open} onOpenChange={help.setOpen}>
      {showTrigger ? (
        <ModalDialog.Trigger asChild ref={ref}>
          <Button
            data-component="hotkey-help-open"
            className={classNames('ras-hotkey-help-trigger', className)}
            aria-keyshortcuts={openOnQuestionMark ? 'Shift+/' : undefined}
            {...themeAttributes}
          >
            {t('hotkeyHelp.open')}
          </Button>
        </ModalDialog.Trigger>
      ) : null}
      <ModalDialog.Content
        data-component="hotkey-help"
        data-state={help.status}
        title={t('hotkeyHelp.title')}
        {...(openOnQuestionMark ? { description: t('hotkeyHelp.description') } : {})}
      >
        <div data-slot="ras-hotkey-help-toolbar">
          <div data-slot="ras-hotkey-help-search">
            <label htmlFor={`${id}-search`}>{t('hotkeyHelp.search')}</label>
            <input
              id={`${id}-search`}
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={help.query}
              onChange={(event) => help.setQuery(event.target.value)}
            />
          </div>
          <div data-slot="ras-hotkey-help-actions">
            {customizeHref !== undefined ? (
              <a data-slot="ras-button" data-variant="secondary" href={customizeHref} onClick={customize}>
                {t('hotkeyHelp.customize')}
              </a>
            ) : onCustomize ? (
              <Button onClick={customize}>{t('hotkeyHelp.customize')}</Button>
            ) : null}
            <Button onClick={() => window.print()}>{t('hotkeyHelp.print')}</Button>
          </div>
        </div>
        <p style={visuallyHidden} aria-live="polite">
          {help.status === 'success' || help.status === 'error'
            ? help.query.trim()
              ? t('hotkeyHelp.count', { count: help.visibleCount })
              : ''
            : ''}
        </p>
        {help.status === 'error' ? (
          <div role="alert" data-slot="ras-hotkey-help-notice">
            <p>{t('hotkeyHelp.loadFailed', { reason: describeError(help.error, t) })}</p>
            <Button onClick={help.retry}>{t('common.retry')}</Button>
          </div>
        ) : null}
        <div data-slot="ras-hotkey-help-body">{body}</div>
        <div data-slot="ras-dialog-actions">
          <ModalDialog.Close asChild>
            <Button>{t('hotkeyHelp.close')}</Button>
          </ModalDialog.Close>
        </div>
      </ModalDialog.Content>
    </ModalDialog.Root>
  );
});
HotkeyHelp.displayName = 'HotkeyHelp';
