import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_SOURCES, LIBRARY_SOURCES } from '../../src/core/vocabulary.js';
import { type FileSample, IMPORT_REGISTRY, LIBRARY_IMPORTS, detectImportSources } from '../../src/services/import.registry.js';
import { loopCsvFiles, loopCsvZip, loopDb } from '../support/loop-fixtures.js';

const ROOT = join(import.meta.dirname, '../..');
const LIBRARY = join(ROOT, 'test/fixtures/library');
const POSTS = join(ROOT, 'test/fixtures/jekyll/_posts');

const sample = (name: string, bytes: Uint8Array | string, folder = false): FileSample => ({
  name,
  head: (typeof bytes === 'string' ? Buffer.from(bytes) : bytes).subarray(0, 4096),
  folder,
});
const file = (dir: string, name: string) => sample(name, readFileSync(join(dir, name)));

describe('the import registry', () => {
  it('has one entry per import source of the vocabulary, each naming itself', () => {
    expect(Object.keys(IMPORT_REGISTRY).sort()).toEqual([...IMPORT_SOURCES].sort());
    for (const source of IMPORT_SOURCES) {
      const entry = IMPORT_REGISTRY[source];
      expect(entry.source).toBe(source);
      expect(entry.name).not.toBe('');
      expect(entry.description).not.toBe('');
    }
    expect(LIBRARY_IMPORTS.map((e) => e.source)).toEqual([...LIBRARY_SOURCES]);
  });

  it('loads an importer for every source, each reading, loading and planning', async () => {
    for (const source of IMPORT_SOURCES) {
      const importer = await IMPORT_REGISTRY[source].importer();
      expect(typeof importer.read).toBe('function');
      expect(typeof importer.load).toBe('function');
      expect(typeof importer.plan).toBe('function');
    }
  });

  it('recognises each format by the start of a real file, and no other format in it', () => {
    const cases: [FileSample, string][] = [
      [file(LIBRARY, 'goodreads_library_export-2021.csv'), 'goodreads'],
      [file(LIBRARY, 'goodreads_library_export-2023.csv'), 'goodreads'],
      [file(LIBRARY, 'goodreads_library_export-2026.csv'), 'goodreads'],
      [file(LIBRARY, 'storygraph.csv'), 'storygraph'],
      [file(LIBRARY, 'readwise.csv'), 'readwise'],
      [file(LIBRARY, 'readwise-before-document-tags.csv'), 'readwise'],
      [file(LIBRARY, 'My Clippings.txt'), 'kindle'],
      [sample('Loop Habits Backup 2026-11-23.db', loopDb([{ name: 'Meditate' }])), 'loop'],
      [sample('Loop Habits CSV 2026-11-23.zip', loopCsvZip(loopCsvFiles([{ name: 'Meditate' }]))), 'loop'],
      [sample('Loop Habits CSV 2026-11-23', '', true), 'loop'],
      [sample('_posts', '', true), 'jekyll'],
      [sample('grow.yaml', readFileSync(join(ROOT, 'frameworks/grow.yaml'))), 'framework'],
      [sample('framework.json', JSON.stringify({ id: 'mine', name: 'Mine', skills: [], tracks: [] })), 'framework'],
      [sample('grow-backup-2026-11-23.json', '{\n  "format": "grow-backup",\n  "version": 4,\n'), 'json'],
    ];
    for (const name of readdirSync(POSTS).filter((n) => /\.(md|markdown|html)$/.test(n))) cases.push([file(POSTS, name), 'jekyll']);
    for (const [given, source] of cases) expect([given.name, detectImportSources(given)]).toEqual([given.name, [source]]);
  });

  it('recognises nothing in a file of no format it knows', () => {
    expect(detectImportSources(sample('notes.txt', 'just some notes\n'))).toEqual([]);
    expect(detectImportSources(sample('other.csv', 'Name,Email\nAna,ana@example.com\n'))).toEqual([]);
  });
});
