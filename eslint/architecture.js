// Architecture rules: which folder may import which. An import is judged by the file it lands on
// (resolved from the importing file), so `../../store/x.ts` and `../store/x.ts` are the same import.
// Which files each rule covers, and the named exceptions, live in eslint.config.js.
import path from 'node:path';

const toPosix = (p) => p.split(path.sep).join('/');

// `**` spans folders, `*` stays inside one name; everything else is literal.
const globToRegExp = (glob) => {
  const body = glob
    .split('**')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
};
const matchesAny = (file, globs) => globs.some((glob) => globToRegExp(glob).test(file));

const sourceFile = (context) => toPosix(path.relative(context.cwd, context.filename));

// The repository-relative file a relative import lands on; null for packages and node built-ins.
const importedFile = (context, specifier) =>
  specifier.startsWith('.')
    ? toPosix(path.relative(context.cwd, path.resolve(path.dirname(context.filename), specifier)))
    : null;

// Visits static imports (type-only included), re-exports and dynamic imports of a literal path.
const onEveryImport = (check) => {
  const visit = (node) => {
    if (node.source && node.source.type === 'Literal' && typeof node.source.value === 'string') {
      check(node, node.source.value);
    }
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
};

const noDatabaseDriver = {
  meta: {
    type: 'problem',
    messages: {
      driver: "Only src/store talks to the database: '{{name}}' may not be imported here; call a repository instead.",
    },
    schema: [{ type: 'object', properties: { packages: { type: 'array', items: { type: 'string' } } } }],
  },
  create(context) {
    const packages = context.options[0]?.packages ?? [];
    return onEveryImport((node, specifier) => {
      const name = packages.find((p) => specifier === p || specifier.startsWith(`${p}/`));
      if (name) context.report({ node, messageId: 'driver', data: { name } });
    });
  },
};

const globsAndReason = [
  {
    type: 'object',
    properties: { globs: { type: 'array', items: { type: 'string' } }, reason: { type: 'string' } },
    required: ['globs', 'reason'],
  },
];

// Whitelist: relative imports must land on one of the globs (packages are left to other rules).
const onlyImportFrom = {
  meta: {
    type: 'problem',
    messages: { outside: "'{{file}}' is not importable here: {{reason}}" },
    schema: globsAndReason,
  },
  create(context) {
    const { globs, reason } = context.options[0];
    return onEveryImport((node, specifier) => {
      const file = importedFile(context, specifier);
      if (file && !matchesAny(file, globs)) context.report({ node, messageId: 'outside', data: { file, reason } });
    });
  },
};

// Blacklist: relative imports must not land on any of the globs.
const noImportFrom = {
  meta: {
    type: 'problem',
    messages: { forbidden: "'{{file}}' is not importable here: {{reason}}" },
    schema: globsAndReason,
  },
  create(context) {
    const { globs, reason } = context.options[0];
    return onEveryImport((node, specifier) => {
      const file = importedFile(context, specifier);
      if (file && matchesAny(file, globs)) context.report({ node, messageId: 'forbidden', data: { file, reason } });
    });
  },
};

// `<root>/<capability>/…`: the capability a file belongs to and the path inside it. A file lying
// directly in the root is a capability of its own with no index (nothing may reach into it).
const capabilityOf = (root, file) => {
  if (!file.startsWith(`${root}/`)) return null;
  const [first = '', ...rest] = file.slice(root.length + 1).split('/');
  return rest.length ? { name: first, inner: rest.join('/') } : { name: first.replace(/\.[^.]*$/, ''), inner: '' };
};

const capabilityThroughIndex = {
  meta: {
    type: 'problem',
    messages: {
      reachIn: "Capability '{{from}}' reaches '{{to}}' only through {{root}}/{{to}}/index.ts, not '{{file}}'.",
    },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'] }],
  },
  create(context) {
    const { root } = context.options[0];
    const from = capabilityOf(root, sourceFile(context));
    if (!from) return {};
    return onEveryImport((node, specifier) => {
      const file = importedFile(context, specifier);
      const to = file && capabilityOf(root, file);
      if (!to || to.name === from.name || /^index\.tsx?$/.test(to.inner)) return;
      context.report({ node, messageId: 'reachIn', data: { from: from.name, to: to.name, root, file } });
    });
  },
};

export default {
  meta: { name: 'elect-architecture' },
  rules: {
    'no-database-driver': noDatabaseDriver,
    'only-import-from': onlyImportFrom,
    'no-import-from': noImportFrom,
    // The same check under its own name, so it combines with a file's other no-import-from list.
    'no-demo-import': noImportFrom,
    'capability-through-index': capabilityThroughIndex,
  },
};
