/** The entities feature as other features see it: the entity hooks, the picker and property labels. */
export { useEntity, useEntityRows, useSchemata } from './api/hooks.ts';
export { EntityPicker } from './components/EntityPicker.tsx';
export { endLabel } from './components/propertyInput.tsx';
export { Inspector } from './components/Inspector.tsx';
