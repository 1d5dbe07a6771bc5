// Stylesheets are bundled by Vite; TypeScript only needs to know importing one is allowed.
declare module '*.css';
