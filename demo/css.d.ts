// Vite bundles the stylesheets main.tsx imports; TypeScript only needs to know they exist.
declare module '*.css';
