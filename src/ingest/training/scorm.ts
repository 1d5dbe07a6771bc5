/**
 * A module as a SCORM 1.2 package, so an agency can run it in its own learning platform
 * (Moodle, CEPOL LEEd): one self-contained SCO (index.html, sco.js, style.css and the images
 * the lessons show), described by imsmanifest.xml, which lists every file in the zip.
 * Case exercises need the platform's sandbox and stay out of the package.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { CourseLibrary } from './library.ts';
import { imagesOf, renderMarkdown } from '../../domain/training/markdown.ts';
import { playerQuestion } from '../../domain/training/quiz.ts';
import type { Language, Question } from '../../domain/training/schema.ts';
import { SCO_SCRIPT } from '../../domain/training/scoScript.ts';

/** The SCO's own few words, per language (the lessons themselves come from the course). */
const SCO_TEXT: Record<
  Language,
  Record<'back' | 'next' | 'quiz' | 'submit' | 'finish' | 'done' | 'passed' | 'failed' | 'noLms' | 'sources', string>
> = {
  en: {
    back: 'Back',
    next: 'Next',
    quiz: 'Quiz',
    submit: 'Check my answers',
    finish: 'Finish',
    done: 'Your result has been sent. You may close this window.',
    passed: 'Passed: {score} % (pass mark {passMark} %).',
    failed: 'Not passed: {score} % (pass mark {passMark} %).',
    noLms: 'No learning platform found: your result will not be recorded.',
    sources: 'Sources',
  },
  fi: {
    back: 'Edellinen',
    next: 'Seuraava',
    quiz: 'Tietovisa',
    submit: 'Tarkista vastaukset',
    finish: 'Valmis',
    done: 'Tuloksesi on lähetetty. Voit sulkea ikkunan.',
    passed: 'Hyväksytty: {score} % (raja {passMark} %).',
    failed: 'Ei hyväksytty: {score} % (raja {passMark} %).',
    noLms: 'Oppimisalustaa ei löytynyt: tulosta ei tallenneta.',
    sources: 'Lähteet',
  },
  et: {
    back: 'Tagasi',
    next: 'Edasi',
    quiz: 'Test',
    submit: 'Kontrolli vastuseid',
    finish: 'Lõpeta',
    done: 'Tulemus on saadetud. Võid akna sulgeda.',
    passed: 'Sooritatud: {score} % (lävend {passMark} %).',
    failed: 'Ei sooritatud: {score} % (lävend {passMark} %).',
    noLms: 'Õppeplatvormi ei leitud: tulemust ei salvestata.',
    sources: 'Allikad',
  },
  lv: {
    back: 'Atpakaļ',
    next: 'Tālāk',
    quiz: 'Tests',
    submit: 'Pārbaudīt atbildes',
    finish: 'Pabeigt',
    done: 'Rezultāts nosūtīts. Logu var aizvērt.',
    passed: 'Nokārtots: {score} % (slieksnis {passMark} %).',
    failed: 'Nav nokārtots: {score} % (slieksnis {passMark} %).',
    noLms: 'Mācību platforma nav atrasta: rezultāts netiks saglabāts.',
    sources: 'Avoti',
  },
};

const STYLE = `body{font:16px/1.55 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem 1.25rem 4rem;color:#1d2430}
h1{font-size:1.5rem}h2{font-size:1.25rem}img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{border:1px solid #c8cdd5;padding:.3rem .5rem}
nav.pager{display:flex;gap:.75rem;align-items:center;margin:1.5rem 0}button{font:inherit;padding:.45rem .9rem;border-radius:6px;border:1px solid #2f5d9a;background:#2f5d9a;color:#fff;cursor:pointer}
button:disabled{opacity:.45;cursor:default}fieldset{border:1px solid #c8cdd5;border-radius:6px;margin:1rem 0;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}
label{display:block;margin:.25rem 0}.feedback.right{color:#1f6b37}.feedback.wrong{color:#9b2c2c}#result{font-weight:700;font-size:1.1rem}.sources{font-size:.9rem;color:#4a5363}`;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function questionHtml(q: Question): string {
  const p = playerQuestion(q);
  const name = `q-${q.id}`;
  let body = '';
  if (p.type === 'single' || p.type === 'multiple') {
    const type = p.type === 'single' ? 'radio' : 'checkbox';
    body = p.options
      .map((o) => `<label><input type="${type}" name="${name}" value="${esc(o.id)}"> ${esc(o.text)}</label>`)
      .join('\n');
  } else if (p.type === 'matching') {
    const options = p.right.map((r) => `<option value="${esc(r)}">${esc(r)}</option>`).join('');
    body = p.left
      .map(
        (l) =>
          `<label>${esc(l.text)} <select name="${name}-${esc(l.id)}"><option value=""></option>${options}</select></label>`,
      )
      .join('\n');
  } else if (p.type === 'numeric') {
    body = `<label><input type="text" inputmode="decimal" name="${name}" aria-label="${esc(p.prompt)}">${p.unit ? ` ${esc(p.unit)}` : ''}</label>`;
  }
  return `<fieldset><legend>${esc(p.prompt)}</legend>\n${body}\n<div class="feedback" id="feedback-${esc(q.id)}" aria-live="polite"></div></fieldset>`;
}

export interface ScormPackage {
  fileName: string;
  zip: Uint8Array;
  /** Every file in the zip, manifest included. */
  files: string[];
}

export function buildScormPackage(
  lib: CourseLibrary,
  courseId: string,
  moduleId: string,
  lang: Language,
): ScormPackage {
  const structure = lib.structure(courseId);
  const module = lib.module(courseId, moduleId);
  const course = lib.courseText(courseId, lang).value;
  const text = lib.moduleText(courseId, moduleId, lang).value;
  const quiz = lib.quiz(courseId, moduleId, lang);
  const words = SCO_TEXT[lang];
  const images = new Set<string>();
  const pages = module.lessons.map((lessonId) => {
    const lesson = lib.lesson(courseId, moduleId, lessonId, lang);
    for (const img of imagesOf(lesson.value.markdown)) images.add(img);
    const sources = lesson.value.sources
      .map(
        (s) =>
          `<li>${s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer" target="_blank">${esc(s.title)}</a>` : esc(s.title)}</li>`,
      )
      .join('');
    return `<section data-page lang="${lesson.language}"><h2>${esc(lesson.value.title)}</h2>\n${renderMarkdown(lesson.value.markdown, 'images/')}\n<div class="sources"><h3>${words.sources}</h3><ul>${sources}</ul></div></section>`;
  });
  const quizPage = `<section data-page lang="${quiz.language}"><h2>${words.quiz}</h2><form id="quiz">${quiz.value.questions.map(questionHtml).join('\n')}<button type="submit">${words.submit}</button></form>
<p id="result" role="status" hidden></p><button type="button" id="finish" hidden>${words.finish}</button><p id="done" hidden>${words.done}</p></section>`;
  // Embedded as JSON for the script; `<` is escaped so no text in it can close the element.
  const data = JSON.stringify({ quiz: quiz.value, text: { passed: words.passed, failed: words.failed } }).replace(
    /</g,
    '\\u003c',
  );
  const index = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(text.title)}</title><link rel="stylesheet" href="style.css"></head>
<body><header><p>${esc(course.title)}</p><h1>${esc(text.title)}</h1></header>
<p id="no-lms" role="alert" hidden>${words.noLms}</p>
<main>${pages.join('\n')}\n${quizPage}</main>
<nav class="pager"><button type="button" id="back">${words.back}</button><span id="position"></span><button type="button" id="next">${words.next}</button></nav>
<script type="application/json" id="module-data">${data}</script>
<script src="sco.js"></script></body></html>
`;
  const content: Record<string, Uint8Array> = {
    'index.html': strToU8(index),
    'sco.js': strToU8(SCO_SCRIPT),
    'style.css': strToU8(STYLE),
  };
  for (const img of [...images].sort()) {
    const file = lib.imageFile(courseId, img);
    if (file) content[`images/${img}`] = new Uint8Array(readFileSync(file));
  }
  const listed = Object.keys(content);
  const id = `elect-thb-${structure.id}-${moduleId}-v${structure.version}`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${structure.version}" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>${esc(course.title)}</title>
      <item identifier="item-1" identifierref="res-1" isvisible="true">
        <title>${esc(text.title)}</title>
        <adlcp:masteryscore>${quiz.value.passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
${listed.map((f) => `      <file href="${esc(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
  content['imsmanifest.xml'] = strToU8(manifest);
  // A fixed date keeps the same module producing the same bytes.
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(content).map(([k, v]) => [k, [v, { mtime: new Date('2026-01-01T00:00:00Z') }]]),
    ) as Parameters<typeof zipSync>[0],
    { level: 6 },
  );
  return { fileName: `${id}-${lang}.zip`, zip, files: ['imsmanifest.xml', ...listed] };
}
