/** The case data model (entity and link types with their properties), for forms and mappers. */
import { ancestorsOf, listSchemata, propertiesOf } from '../../domain/schema/index.ts';
import type { SchemaOut } from '../../shared/contracts/entities.ts';
import { globalUseCase } from '../useCase/index.ts';

/** The model as forms need it: inherited properties resolved, edges named. */
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
    // FtM reverse stubs (Person.ownershipOwner…) only list the links pointing here: nothing to fill in.
    properties: Object.entries(propertiesOf(s.name))
      .filter(([, p]) => !p.stub)
      .map(([name, p]) => ({
        name,
        label: p.label,
        type: p.type,
        range: p.range ?? null,
        values: p.values ? [...p.values] : null,
        single: p.single ?? false,
      })),
  }));
}

/** Built once: the model does not change while the platform runs. */
let model: SchemaOut[] | undefined;

export const dataModel = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'schemata' },
  run: async () => ({ schemata: (model ??= describeModel()) }),
});
