/**
 * The suspects of a labour exploitation network (./labour.ts): the controller, the enforcer on
 * site in Finland, a recruiter in Latvia and one in Estonia, and the straw director of the
 * letterbox company (old, or barely of age). Drawn in this order from the network's random stream.
 */
import type { Cell } from './cell.ts';
import type { PersonInfo } from './people.ts';
import type { Rng } from './prng.ts';

type Country = 'fi' | 'lv' | 'ee' | 'pl' | 'ro' | 'ua';
type Address = ReturnType<Cell['address']>;

export function labourSuspects(
  cell: Cell,
  rng: Rng,
  networkId: string,
  base: 'lv' | 'ee',
  home: (country: Country) => Address,
): { controller: PersonInfo; enforcer: PersonInfo; recruiters: PersonInfo[]; frontDirector: PersonInfo; old: boolean } {
  const controller = cell.person(rng, {
    nat: base,
    gender: 'male',
    age: [34, 56],
    status: 'suspect',
    networkId,
    role: 'controller of the labour network',
    functions: ['organiser', 'investor', 'moneyLaunderer'],
    email: true,
    address: home(base),
    knownStatus: 'suspect',
  });
  const enforcer = cell.person(rng, {
    nat: base,
    gender: 'male',
    age: [24, 45],
    residence: 'fi',
    status: 'suspect',
    networkId,
    role: 'site foreman and housing manager',
    functions: ['enforcer', 'accommodationProvider', 'transporter', 'debtCollector'],
    address: home('fi'),
  });
  const recruiters = (['lv', 'ee'] as const).map((nat, i) =>
    cell.person(rng, {
      nat,
      gender: rng.chance(0.5) ? 'female' : 'male',
      age: [28, 58],
      status: 'suspect',
      networkId,
      role: `recruiter in ${nat === 'lv' ? 'Latvia' : 'Estonia'}`,
      functions:
        i === 0 ? ['recruiter', 'transporter'] : rng.chance(0.3) ? ['recruiter', 'documentForger'] : ['recruiter'],
      email: true,
      address: home(nat),
    }),
  );
  const old = rng.chance(0.6);
  const frontDirector = cell.person(rng, {
    nat: base,
    gender: old ? 'female' : 'male',
    age: old ? [70, 84] : [19, 22],
    status: 'suspect',
    networkId,
    role: 'straw director of the letterbox company',
    functions: ['frontDirector'],
    phone: 'own',
    address: home(base),
  });
  return { controller, enforcer, recruiters, frontDirector, old };
}
