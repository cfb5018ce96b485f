// What a bundler's client types give an app (Vite's vite/client, Next's next-env.d.ts): CSS imports are modules.
declare module '*.css';
