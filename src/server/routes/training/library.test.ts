/**
 * The good-practice library through its API, on SQLite and PostgreSQL: filters and search,
 * bad filters named in a 400, an entry with the modules and exercises that use it titled in
 * the reader's language (the entry itself in English where it is not translated, saying so),
 * and open to every signed-in role — a trainee included — but not to the anonymous.
 */
import { beforeAll, expect } from 'vitest';
import { describeEachDialect, itDb } from '../../../../test/support/dialects.ts';
import { testApi, uniqueName } from '../../../../test/support/api.ts';
import type { Caller, TestApi } from '../../../../test/support/api.ts';
import type { EntryOut, LibraryListOut } from '../../../shared/contracts/training.ts';
import { practiceLibrary } from '../../../ingest/training/goodPractices.ts';
import { courseLibrary } from '../../../ingest/training/library.ts';

describeEachDialect('good-practice library API', ({ store }) => {
  let api: TestApi;
  let trainee: Caller;
  let investigator: Caller;

  beforeAll(async () => {
    let s;
    try {
      s = store();
    } catch {
      return;
    }
    api = await testApi(s);
    trainee = await api.user(uniqueName('lib-trainee'), 'trainee');
    investigator = await api.user(uniqueName('lib-investigator'), 'investigator');
  }, 60_000);

  const list = async (who: Caller, qs: string) => {
    const r = await who('GET', `/api/training/library${qs}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.json<LibraryListOut>();
  };

  itDb(
    'lists every entry with facet counts, and filters by country, exploitation, scheme and agency together',
    async () => {
      const everything = await list(trainee, '');
      expect(everything.total).toBe(practiceLibrary().ids().length);
      expect(everything.facets.scheme.find((f) => f.value === 'wage-kick-backs')?.count).toBeGreaterThanOrEqual(2);
      const some = await list(investigator, '?country=LV&exploitation=labour&scheme=wage-kick-backs&agency=fiu');
      expect(some.entries.map((e) => e.id).sort()).toEqual(['parallel-financial-investigation', 'wage-kick-backs']);
      for (const e of some.entries) {
        expect(e.tags.country).toContain('LV');
        expect(e.tags.agency).toContain('fiu');
      }
      expect(
        (await list(trainee, '?kind=victim-support-practice')).entries.every(
          (e) => e.kind === 'victim-support-practice',
        ),
      ).toBe(true);
    },
  );

  itDb('searches words whatever their case and diacritics', async () => {
    const plain = await list(trainee, '?q=kick-backs');
    expect(plain.entries[0]?.id).toBe('wage-kick-backs');
    const fancy = await list(trainee, `?q=${encodeURIComponent('KÏCK-BÄCKŠ')}`);
    expect(fancy.entries.map((e) => e.id)).toEqual(plain.entries.map((e) => e.id));
    expect((await list(trainee, '?q=reflection&kind=victim-support-practice')).entries.map((e) => e.id)).toContain(
      'assistance-and-reflection-period',
    );
    expect((await list(trainee, '?q=nothing-like-this-anywhere')).total).toBe(0);
  });

  itDb('finds the good practices a module, a lesson or an exercise uses', async () => {
    const ex = await list(trainee, '?course=thb-investigation&exercise=follow-the-money');
    expect(ex.entries.map((e) => e.id).sort()).toEqual([
      'parallel-financial-investigation',
      'subcontracting-chains-and-letterboxes',
      'wage-kick-backs',
    ]);
    const lesson = await list(
      trainee,
      '?course=thb-investigation&module=cross-border-cooperation&lesson=jits-europol-eurojust',
    );
    expect(lesson.entries.map((e) => e.id)).toEqual(['joint-investigation-teams']);
  });

  itDb(
    'answers a bad filter with a 400 naming the field, an unknown entry with a 404, the anonymous with a 401',
    async () => {
      const bad = await trainee('GET', '/api/training/library?scheme=pyramid-selling');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('scheme');
      const badLang = await trainee('GET', '/api/training/library?lang=sv');
      expect(badLang.status).toBe(400);
      expect(JSON.stringify(badLang.body)).toContain('lang');
      expect((await trainee('GET', '/api/training/library/no-such-entry')).status).toBe(404);
      expect((await trainee('GET', '/api/training/library/Not_A_Slug')).status).toBe(400);
      expect((await api.app.inject({ method: 'GET', url: '/api/training/library' })).statusCode).toBe(401);
    },
  );

  itDb(
    "reads an entry as safe HTML with its sources and where it is used, titled in the reader's language",
    async () => {
      const r = await trainee('GET', '/api/training/library/fraudulent-posting-of-workers?lang=fi');
      expect(r.status).toBe(200);
      const e = r.json<EntryOut>();
      // The Finnish text where there is one, else English and saying so (whichever the content holds today).
      const own = practiceLibrary().entry('fraudulent-posting-of-workers', 'fi');
      expect([e.language, e.fallback, e.illustrative]).toEqual([own.language, own.fallback, true]);
      expect(e.html).toContain(own.fallback ? '<h2>The scheme</h2>' : '<h2>Toimintatapa</h2>');
      expect(e.html).not.toMatch(/<script|<img/);
      expect(e.sources.some((s) => s.title.includes('2014/67/EU'))).toBe(true);
      const lib = courseLibrary();
      const C = 'thb-investigation';
      expect(e.usedIn).toEqual([
        {
          courseId: C,
          moduleId: 'labour-exploitation',
          moduleTitle: lib.moduleText(C, 'labour-exploitation', 'fi').value.title,
          lessonId: 'posting-and-bogus-self-employment',
          lessonTitle: lib.lesson(C, 'labour-exploitation', 'posting-and-bogus-self-employment', 'fi').value.title,
          exerciseId: null,
          exerciseTitle: null,
        },
        {
          courseId: C,
          moduleId: 'labour-exploitation',
          moduleTitle: lib.moduleText(C, 'labour-exploitation', 'fi').value.title,
          lessonId: null,
          lessonTitle: null,
          exerciseId: 'posted-workers',
          exerciseTitle: lib.exerciseBrief(C, 'labour-exploitation', 'fi').value.title,
        },
      ]);
      // A module that is translated is named in Finnish.
      const other = (await trainee('GET', '/api/training/library/bogus-self-employment?lang=fi')).json<EntryOut>();
      const legal = other.usedIn.find((u) => u.moduleId === 'legal-framework');
      expect(legal?.moduleTitle).toBe(lib.moduleText(C, 'legal-framework', 'fi').value.title);
      expect(lib.moduleText(C, 'legal-framework', 'fi').fallback).toBe(false);
      expect(legal?.moduleTitle).not.toBe(lib.moduleText(C, 'legal-framework', 'en').value.title);
      expect(legal?.lessonTitle).toBe(
        lib.lesson(C, 'legal-framework', 'law-in-finland-estonia-latvia', 'fi').value.title,
      );
    },
  );
});
