import type { Command } from 'commander';
import type { CareerTarget, SkillDetail, TrackView } from '../services/skill.service.js';
import { paint, printJson, printLine, printTable } from './output.js';
import { globals, withContext } from './session.js';

/** A numeric argument becomes a number; anything else goes through as text for the schema to refuse. */
const numeric = (value: string): number | string => (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);

const dash = (value: number | null) => (value === null ? '–' : String(value));
const gapCell = (gap: number | null) => (gap === null ? '–' : gap > 0 ? paint.warn(String(gap)) : paint.good('0'));

function printTarget(target: CareerTarget | null): void {
  if (!target) {
    printLine('No target yet. Set one: grow target set ic senior [--by 2027-12-31]');
    return;
  }
  const missing = target.trackName === null || target.levelName === null ? paint.bad(' (not in the active framework)') : '';
  printLine(
    `Target: ${paint.bold(target.levelName ?? target.level)} on ${target.trackName ?? target.track} ${paint.dim(`(${target.track} ${target.level})`)}${missing}`,
  );
  if (target.by) printLine(`  by ${target.by}`);
}

function printSkill(s: SkillDetail): void {
  printLine(`${paint.bold(s.name)} ${paint.dim(`(${s.id}, ${s.kind})`)}`);
  if (s.description && s.description !== s.name) printLine(`  ${s.description}`);
  printLine(`  level ${s.level}${s.target !== null ? `, target ${s.target}, gap ${s.gap}` : ''}`);
  printLine();
  printTable(
    ['LEVEL', 'WHAT IT LOOKS LIKE'],
    s.levels.map((l) => [l.level === s.level ? paint.bold(`▸ ${l.level}`) : `  ${l.level}`, l.summary]),
  );
  printLine();
  if (s.history.length === 0) printLine(`No assessments yet. Rate it: grow skill assess ${s.id} 2`);
  else
    printTable(
      ['DATE', 'LEVEL', 'NOTE', 'EVIDENCE'],
      s.history.map((h) => [h.date, String(h.level), h.note ?? '', h.evidence ?? '']),
    );
}

function printTrack(t: TrackView): void {
  const why = { asked: '', target: ' (your target)', next: ' (the next level to grow into)' }[t.basis];
  printLine(`${paint.bold(t.trackName)}: ${t.levelName}${paint.dim(why)}   ${paint.dim(`levels: ${t.levels.join(' → ')}`)}`);
  printTable(
    ['SKILL', 'KIND', 'EXPECTED', 'CURRENT', 'GAP'],
    t.skills.map((s) => [`${s.name ?? s.id} ${paint.dim(s.id)}`, s.kind ?? '', String(s.expected), String(s.current), gapCell(s.gap)]),
  );
  const open = t.skills.filter((s) => s.gap > 0).length;
  printLine(open === 0 ? paint.good('Every expectation met.') : `${open} of ${t.skills.length} expectations still open.`);
}

export function registerSkillCommands(program: Command): void {
  const skill = program.command('skill').description('rate your skills against your career framework');

  skill
    .command('assess')
    .argument('<skill>', 'a skill id of the active framework')
    .argument('<level>', 'a rating 0..5')
    .option('--date <date>', 'the day the rating is about, YYYY-MM-DD (default today)')
    .option('--evidence <text>', 'what shows this level')
    .option('--note <text>', 'a note')
    .description('rate a skill 0..5 (kept as history)')
    .action(async (id: string, level: string, flags: { date?: string; evidence?: string; note?: string }, command: Command) => {
      const { assessSkill } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) =>
        assessSkill(ctx, id, { level: numeric(level), date: flags.date, evidence: flags.evidence, note: flags.note }),
      );
      if (globals(command).json) printJson(result);
      else {
        const gap = result.gap ? `, ${result.gap} below your target` : '';
        printLine(`Rated ${paint.bold(result.name)} ${level.trim()}${flags.date ? ` on ${flags.date}` : ''}; current level ${result.level}${gap}.`);
      }
    });

  skill
    .command('list')
    .description('skills with your rating, what your target expects, and the gap')
    .action(async (_flags: unknown, command: Command) => {
      const { listSkills } = await import('../services/skill.service.js');
      const skills = await withContext(command, (ctx) => listSkills(ctx));
      if (globals(command).json) return printJson(skills);
      printTable(
        ['SKILL', 'ID', 'KIND', 'LEVEL', 'TARGET', 'GAP'],
        skills.map((s) => [s.name, paint.dim(s.id), s.kind, String(s.level), dash(s.target), gapCell(s.gap)]),
      );
    });

  skill
    .command('show')
    .argument('<skill>')
    .description('a skill: level descriptions and your history')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const { showSkill } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) => showSkill(ctx, id));
      if (globals(command).json) printJson(result);
      else printSkill(result);
    });

  const target = program.command('target').description('the track level you aim at');
  target
    .command('set')
    .argument('<track>', 'a track id: ic, manager, security …')
    .argument('<level>', 'a level id of that track')
    .option('--by <date>', 'when you aim to get there, YYYY-MM-DD')
    .description('set your target (replaces the previous one)')
    .action(async (track: string, level: string, flags: { by?: string }, command: Command) => {
      const { setTarget } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) => setTarget(ctx, { track, level, by: flags.by }));
      if (globals(command).json) printJson(result);
      else printTarget(result);
    });
  target
    .command('show')
    .description('your target')
    .action(async (_flags: unknown, command: Command) => {
      const { getTarget } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) => getTarget(ctx));
      if (globals(command).json) printJson(result);
      else printTarget(result);
    });

  const track = program.command('track').description('career tracks: try on a role');
  track
    .command('show')
    .argument('<track>')
    .option('--level <level>', "a level id (default: your target's level on this track, else the next level to grow into)")
    .description('what a track level expects against your ratings')
    .action(async (id: string, flags: { level?: string }, command: Command) => {
      const { showTrack } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) => showTrack(ctx, id, flags.level === undefined ? {} : { level: flags.level }));
      if (globals(command).json) printJson(result);
      else printTrack(result);
    });

  const evidence = program.command('evidence').description('proof of impact, for reviews and a brag document');
  evidence
    .command('add')
    .argument('<text>')
    .requiredOption('--skills <a,b>', 'the skills it shows, comma separated')
    .option('--date <date>', 'YYYY-MM-DD (default today)')
    .option('--link <url>', 'an http(s) link to the work')
    .description('record evidence')
    .action(async (text: string, flags: { skills: string; date?: string; link?: string }, command: Command) => {
      const { addEvidence } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) => addEvidence(ctx, { text, skills: flags.skills, date: flags.date, link: flags.link }));
      if (globals(command).json) printJson(result);
      else printLine(`Recorded evidence for ${result.skills.join(', ')} on ${result.date}.`);
    });
  evidence
    .command('list')
    .option('--skill <skill>', 'only evidence naming this skill')
    .description('evidence, oldest first')
    .action(async (flags: { skill?: string }, command: Command) => {
      const { listEvidence } = await import('../services/skill.service.js');
      const items = await withContext(command, (ctx) => listEvidence(ctx, flags.skill === undefined ? {} : { skill: flags.skill }));
      if (globals(command).json) return printJson(items);
      if (items.length === 0) return printLine('No evidence yet. Record some: grow evidence add "Led the incident review" --skills communication');
      printTable(
        ['DATE', 'EVIDENCE', 'SKILLS', 'LINK'],
        items.map((e) => [e.date, e.text, e.skills.join(', '), e.link ?? '']),
      );
    });

  const facet = program.command('facet').description('specialization facets (security): breadth first, then a T shape');
  facet
    .command('set')
    .argument('<facet>')
    .argument('<status>', 'unexplored, exploring or specializing')
    .description('mark a facet; specializing needs 3 facets explored, this one among them, and at most 2 specialize at once')
    .action(async (id: string, status: string, _flags: unknown, command: Command) => {
      const { setFacet } = await import('../services/skill.service.js');
      const result = await withContext(command, (ctx) => setFacet(ctx, id, { status }));
      if (globals(command).json) printJson(result);
      else printLine(`${result.name}: ${result.status}.`);
    });
  facet
    .command('list')
    .description('facets and your status in each')
    .action(async (_flags: unknown, command: Command) => {
      const { listFacets } = await import('../services/skill.service.js');
      const facets = await withContext(command, (ctx) => listFacets(ctx));
      if (globals(command).json) return printJson(facets);
      const paintStatus = (s: string) => (s === 'specializing' ? paint.good(s) : s === 'exploring' ? paint.warn(s) : paint.dim(s));
      printTable(
        ['FACET', 'ID', 'STATUS'],
        facets.map((f) => [f.name, paint.dim(f.id), paintStatus(f.status)]),
      );
    });
}
