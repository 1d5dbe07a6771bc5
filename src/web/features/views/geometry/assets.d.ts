// Build assets imported by URL (Vite `?url`): the map's country outlines.
declare module '*.json?url' {
  const url: string;
  export default url;
}
