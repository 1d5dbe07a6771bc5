/**
 * `elect training …`: the course catalogue, cohorts (create, enrol, assign a course), progress
 * (a cohort's members, or your own) and SCORM export — through the same services, policy and
 * audit as the API.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AssignBody, CohortCreate, EnrolBody, TRAINING_LANGUAGES } from '../../shared/contracts/training.ts';
import type { TraineeProgressOut, TrainingLanguage } from '../../shared/contracts/training.ts';
import { errors } from '../../shared/errors.ts';
import {
  assignCohortCourse,
  cohortProgress,
  courseOutline,
  enrolTrainee,
  listPractices,
  myTrainingOverview,
  readPractice,
  scormPackage,
  startCohort,
  trainerCohorts,
} from '../../services/training/index.ts';
import { cliCaller } from '../../services/useCase/index.ts';
import { libraryFilter } from './library.ts';
import { actingUserName, cliActor } from '../actor.ts';
import { withStore } from '../context.ts';
import { parseOrThrow } from '../parse.ts';

function language(s: string | undefined): TrainingLanguage {
  const lang = s ?? 'en';
  if (!(TRAINING_LANGUAGES as readonly string[]).includes(lang))
    throw errors.validation(`--lang is one of ${TRAINING_LANGUAGES.join(', ')}`, '--lang');
  return lang as TrainingLanguage;
}

const pct = (n: number | null) => (n === null ? '–' : `${n} %`);

function printProgress(p: TraineeProgressOut): void {
  for (const c of p.courses) {
    console.log(
      `${p.username}\t${c.courseId}\tmodules ${c.modulesComplete}/${c.modules}\tlessons ${c.lessonsDone}/${c.lessons}${c.complete ? '\tcomplete' : ''}`,
    );
    for (const q of c.quizzes)
      console.log(
        `  quiz ${q.moduleId}\t${pct(q.best)}\t${q.passed ? 'passed' : 'not passed'}\t${q.attempts} attempt(s)`,
      );
    for (const e of c.exercises)
      console.log(
        `  exercise ${e.exerciseId}\t${pct(e.best)}\t${e.passed ? 'passed' : 'not passed'}\t${e.submissions} submission(s)`,
      );
  }
}

export function trainingCommands(program: Command): void {
  const training = program
    .command('training')
    .description('The virtual training programme: courses, cohorts, progress, SCORM export');

  training
    .command('list')
    .description('List the courses and their modules (and, for trainers, the cohorts you run)')
    .option('--lang <lang>', 'en, fi, et or lv', 'en')
    .action(async (o: { lang?: string }) => {
      const lang = language(o.lang);
      for (const c of courseOutline(lang)) {
        console.log(`${c.id}\t${c.title}${c.fallback ? ' (en)' : ''}`);
        for (const m of c.modules) {
          console.log(
            `  ${m.id}\t${m.title}${m.fallback ? ' (en)' : ''}\t${m.lessons} lessons, quiz${m.exercise ? `, exercise ${m.exercise}` : ''}`,
          );
        }
      }
      if (!actingUserName(program)) return;
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        if (actor.platformRole !== 'trainer' && actor.platformRole !== 'admin') return;
        for (const c of (await trainerCohorts(store, cliCaller(actor))).cohorts)
          console.log(
            `cohort ${c.id}\t${c.name}\tseed ${c.seed ?? ''}\t${c.trainees} member(s)\t${c.courses.map((x) => x.courseId).join(', ')}`,
          );
      });
    });

  training
    .command('library [entry]')
    .description('The good-practice library: entries found by tag and words, or one entry in full')
    .option(
      '--tag <facet:value>',
      'a tag, e.g. scheme:wage-kick-backs, country:LV or just wage-kick-backs (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--q <words>', 'words to find (letter case and diacritics do not matter)')
    .option('--lang <lang>', 'en, fi, et or lv', 'en')
    .action((entry: string | undefined, o: { tag: string[]; q?: string; lang?: string }) => {
      const lang = language(o.lang);
      if (entry) {
        const e = readPractice(entry, lang);
        console.log(
          `${e.title}${e.fallback ? ' (en)' : ''}${e.illustrative ? '\t[illustrative case]' : ''}\n\n${e.summary}\n`,
        );
        for (const u of e.usedIn)
          console.log(
            `used in ${u.courseId}/${u.moduleId}${u.lessonId ? `/${u.lessonId}` : ''}${u.exerciseId ? ` exercise ${u.exerciseId}` : ''}`,
          );
        for (const s of e.sources) console.log(`source: ${s.title}${s.url ? ` <${s.url}>` : ''}`);
        return;
      }
      const found = listPractices(libraryFilter(o.tag, o.q), lang);
      for (const e of found.entries) {
        const tags = [e.kind, ...e.tags.country, ...e.tags.exploitation, ...e.tags.scheme, ...e.tags.agency].join(', ');
        console.log(`${e.id}\t${e.title}${e.fallback ? ' (en)' : ''}\t${tags}`);
      }
      console.log(`${found.total} entr${found.total === 1 ? 'y' : 'ies'}`);
    });

  const cohort = training.command('cohort').description('Cohorts you run');
  cohort
    .command('create <name>')
    .description("Start a cohort; its seed generates every member's exercise sandbox (random unless given)")
    .option('--seed <n>', 'scenario seed, 0 … 4294967295')
    .action(async (name: string, o: { seed?: string }) => {
      await withStore(program, async (store) => {
        const input = parseOrThrow(CohortCreate, { name, ...(o.seed !== undefined ? { seed: Number(o.seed) } : {}) });
        const c = await startCohort(store, cliCaller(await cliActor(program, store)), input);
        console.log(`${c.id}\tseed ${c.seed}`);
      });
    });
  cohort
    .command('enrol <username>')
    .description('Enrol a user in a cohort you run')
    .requiredOption('--cohort <id>', 'cohort id')
    .action(async (username: string, o: { cohort: string }) => {
      await withStore(program, async (store) => {
        const input = parseOrThrow(EnrolBody, { username });
        const caller = cliCaller(await cliActor(program, store));
        const e = await enrolTrainee(store, caller, { cohortId: o.cohort, username: input.username });
        console.log(`${e.username} enrolled`);
      });
    });

  training
    .command('assign')
    .description('Assign a course to a cohort you run')
    .requiredOption('--cohort <id>', 'cohort id')
    .requiredOption('--course <id>', 'course id (see elect training list)')
    .option('--due <YYYY-MM-DD>', 'due date')
    .action(async (o: { cohort: string; course: string; due?: string }) => {
      await withStore(program, async (store) => {
        const input = parseOrThrow(AssignBody, { courseId: o.course, ...(o.due ? { dueDate: o.due } : {}) });
        const c = await assignCohortCourse(store, cliCaller(await cliActor(program, store)), {
          cohortId: o.cohort,
          ...input,
        });
        console.log(
          `${c.name}: ${c.courses.map((x) => `${x.courseId}${x.dueDate ? ` (due ${x.dueDate})` : ''}`).join(', ')}`,
        );
      });
    });

  training
    .command('progress')
    .description("A cohort's members' progress and scores (trainers), or your own")
    .option('--cohort <id>', 'cohort id (trainers)')
    .action(async (o: { cohort?: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        if (o.cohort) {
          const d = await cohortProgress(store, caller, { cohortId: o.cohort });
          console.log(`${d.name}\tseed ${d.seed ?? ''}\t${d.members.length} member(s)`);
          for (const m of d.members) printProgress(m);
          if (!d.members.length) console.log('No members yet: elect training cohort enrol <username> --cohort ' + d.id);
        } else printProgress((await myTrainingOverview(store, caller)).progress);
      });
    });

  training
    .command('scorm')
    .description('Export a module as a SCORM 1.2 package (zip) for another learning platform')
    .requiredOption('--course <id>', 'course id')
    .requiredOption('--module <id>', 'module id')
    .option('--lang <lang>', 'en, fi, et or lv', 'en')
    .requiredOption('--out <file.zip>', 'where to write the package')
    .action(async (o: { course: string; module: string; lang?: string; out: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const pkg = await scormPackage(store, caller, {
          courseId: o.course,
          moduleId: o.module,
          lang: language(o.lang),
        });
        writeFileSync(o.out, pkg.zip);
        console.log(`${o.out}: ${pkg.files.length} files (${pkg.files.join(', ')})`);
      });
    });
}
