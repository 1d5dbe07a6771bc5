/** Saves a signed exchange envelope as a JSON file, to be carried to the partner. */
export function downloadJson(value: unknown, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
