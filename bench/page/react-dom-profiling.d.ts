// react-dom/profiling is react-dom/client with <Profiler> callbacks kept; @types/react-dom has no entry for it.
declare module 'react-dom/profiling' {
  export * from 'react-dom/client';
}
