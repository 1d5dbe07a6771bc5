import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CourseLibrary } from './library.ts';
import { buildScormPackage } from './scorm.ts';

const lib = new CourseLibrary();

describe('SCORM 1.2 export', () => {
  it('lists every file of the package in the manifest, and nothing that is missing', () => {
    for (const moduleId of ['legal-framework', 'labour-exploitation']) {
      const pkg = buildScormPackage(lib, 'thb-investigation', moduleId, 'en');
      const files = unzipSync(pkg.zip);
      const manifest = strFromU8(files['imsmanifest.xml'] ?? new Uint8Array());
      const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
      const inZip = Object.keys(files).filter((f) => f !== 'imsmanifest.xml');
      expect([...listed].sort()).toEqual([...inZip].sort());
      expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
      expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
      expect(inZip).toContain('sco.js');
      // Every file the page refers to is in the package.
      const html = strFromU8(files['index.html'] ?? new Uint8Array());
      for (const m of html.matchAll(/(?:src|href)="(?!https?:|#)([^"]+)"/g)) expect(inZip, m[1]).toContain(m[1]);
    }
  });

  it('takes the lessons in the language asked for, falling back to English', () => {
    const pkg = buildScormPackage(lib, 'thb-investigation', 'indicators', 'lv');
    const html = strFromU8(unzipSync(pkg.zip)['index.html'] ?? new Uint8Array());
    expect(html).toContain('<html lang="lv">');
    expect(html).toContain('Tālāk');
    expect(html).toContain('The ILO indicators of forced labour');
  });
});
