import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vocabulary from '../../src/core/vocabulary.js';
import { oneOf } from '../../src/schemas/common.schema.js';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const lists = Object.entries(vocabulary).flatMap(([name, value]) => (Array.isArray(value) ? [[name, value as readonly string[]] as const] : []));

describe('vocabularies', () => {
  it('are each restated nowhere: no other file spells one out as a list or a union', () => {
    const restated: string[] = [];
    const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'web/src'))].filter((f) => !f.endsWith('vocabulary.ts'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [name, words] of lists) {
        const spelled = words.map((w) => `'${w.replace(/[-+=]/g, '\\$&')}'`).join('\\s*[,|]\\s*');
        if (new RegExp(spelled).test(text)) restated.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect([...new Set(restated)]).toEqual([]);
  });

  it('refuse a word outside the list, naming the words accepted', () => {
    const result = oneOf(vocabulary.LEARNING_STATUSES).safeParse('done');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('expected want, reading, read or abandoned');
    expect(oneOf(vocabulary.HABIT_KINDS).parse('break')).toBe('break');
  });

  it('name their words as people read them', () => {
    expect(vocabulary.wordsOf(['build'])).toBe('build');
    expect(vocabulary.wordsOf(vocabulary.HABIT_KINDS)).toBe('build or break');
    expect(vocabulary.wordsOf(vocabulary.OUTCOMES)).toBe('positive, neutral or negative');
  });
});
