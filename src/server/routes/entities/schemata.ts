import { listSchemata, propertiesOf, ancestorsOf } from '../../../domain/schema/index.ts';
import { SchemataOut } from '../../../shared/contracts/workspace.ts';
import type { SchemaOut } from '../../../shared/contracts/workspace.ts';
import type { Router } from '../router.ts';

/** The model as forms need it: inherited properties resolved, edges named. Built once. */
function describeModel(): SchemaOut[] {
  return listSchemata().map((s) => ({
    name: s.name,
    label: s.label,
    plural: s.plural,
    abstract: s.abstract ?? false,
    edge: s.edge
      ? { source: s.edge.source, target: s.edge.target, label: s.edge.label, directed: s.edge.directed }
      : null,
    ancestors: [...ancestorsOf(s.name)],
    required: [...(s.required ?? [])],
    caption: [...s.caption],
    properties: Object.entries(propertiesOf(s.name)).map(([name, p]) => ({
      name,
      label: p.label,
      type: p.type,
      range: p.range ?? null,
      values: p.values ? [...p.values] : null,
      single: p.single ?? false,
    })),
  }));
}

/** The case data model (entity and link types with their properties), for forms and mappers. */
export function schemaRoutes(r: Router): void {
  let model: SchemaOut[] | undefined;
  r({
    method: 'GET',
    url: '/api/schemata',
    tag: 'model',
    summary: 'Entity and link types with their properties',
    access: 'authenticated',
    response: SchemataOut,
    handler: async () => ({ schemata: (model ??= describeModel()) }),
  });
}
