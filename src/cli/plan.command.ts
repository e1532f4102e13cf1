import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { PlanSession, WeekPlan } from '../services/plan.service.js';
import { isTty, paint, printJson, printLine, printTable } from './output.js';
import { globals, withContext } from './session.js';

const STATUS: Record<PlanSession['status'], (text: string) => string> = {
  planned: (t) => t,
  done: paint.good,
  skipped: paint.dim,
  missed: paint.bad,
};

function printPlan(plan: WeekPlan): void {
  if (plan.sessions.length === 0) {
    printLine(
      plan.kept
        ? `No sessions left in the week of ${plan.start} on your plan's days.`
        : `No sessions for the week of ${plan.start}: the active framework has no skills to practise.`,
    );
    return;
  }
  const total = plan.sessions.reduce((sum, s) => sum + s.minutes, 0);
  const note = plan.kept ? '' : paint.dim(' (a preview: the week is kept once it is under way)');
  printLine(`${paint.bold(`Week of ${plan.start}`)}: ${plan.sessions.length} sessions, ${Math.floor(total / 60)} h ${total % 60} min${note}`);
  printTable(
    ['DATE', 'KIND', 'SKILL', 'MIN', 'STATUS', 'ID', 'WHY'],
    plan.sessions.map((s) => [
      s.date,
      s.kind === 'technical' ? paint.good('technical') : paint.warn('soft'),
      s.skill,
      String(s.minutes),
      STATUS[s.status](s.status),
      s.id ?? '',
      paint.dim(s.why),
    ]),
  );
  if (plan.kept && plan.sessions.some((s) => s.status === 'planned')) printLine(paint.dim('Log one with: grow plan done ID   (or skip it: grow plan skip ID)'));
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('plan practice: technical and soft skills side by side');
  plan
    .command('week')
    .option('--hours <n>', 'hours of practice a week, more than 0 and at most 40, kept for the weeks to come (default 3)')
    .option('--days <days>', 'days to practise, e.g. mon,wed,fri, kept for the weeks to come (default mon,tue,wed,thu,fri)')
    .option('--start <date>', 'a day of the week to show, YYYY-MM-DD (default today: the week under way)')
    .option('--replan', 'remake the week under way from today on; sessions done, skipped or gone by stay')
    .description('the week of sessions aimed at your largest gaps, alternating technical and soft; kept once under way')
    .action(async (flags: { hours?: string; days?: string; start?: string; replan?: boolean }, command: Command) => {
      const { planWeekFor } = await import('../services/plan.service.js');
      const input = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
      const result = await withContext(command, (ctx) => planWeekFor(ctx, input));
      if (globals(command).json) printJson(result);
      else printPlan(result);
    });
  plan
    .command('done')
    .argument('<id>', 'a session id of the week under way (see grow plan week)')
    .option('--minutes <n>', "how long, in whole minutes (default the session's)")
    .option('--energy <n>', 'how it left you: -2 drained … 2 energized')
    .option('--ease <n>', 'how naturally it came: 1 hard … 5 natural')
    .description("log a session's practice for its skill and mark it done")
    .action(async (id: string, flags: { minutes?: string; energy?: string; ease?: string }, command: Command) => {
      const { markSessionDone } = await import('../services/plan.service.js');
      // Numbers go to the shared schema as typed: it names the field of a bad one.
      const input = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
      const result = await withContext(command, (ctx) => markSessionDone(ctx, id, input));
      if (globals(command).json) printJson(result);
      else printLine(`Done: ${result.activity.minutes} min of ${result.session.skill} logged on ${result.activity.date}.`);
    });
  plan
    .command('skip')
    .argument('<id>', 'a session id of the week under way (see grow plan week)')
    .description('skip a session: it is not missed, so next week does not carry it')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const { skipSession } = await import('../services/plan.service.js');
      const result = await withContext(command, (ctx) => skipSession(ctx, id));
      if (globals(command).json) printJson(result);
      else printLine(`Skipped ${result.skill} on ${result.date}.`);
    });

  const calendar = program.command('calendar').description('the calendar feed of your plan and habits');
  const token = calendar.command('token').description('read-only tokens for subscribing to the feed');
  token
    .command('create')
    .option('--label <label>', 'what the token is for, e.g. phone')
    .description('create a feed token; the URL is shown once')
    .action(async (flags: { label?: string }, command: Command) => {
      const { createFeedToken } = await import('../services/calendar.service.js');
      const { parseInput } = await import('../schemas/validate.js');
      const { calendarTokenSchema } = await import('../schemas/plan.schema.js');
      const input = parseInput(calendarTokenSchema, flags.label === undefined ? {} : { label: flags.label });
      const result = await withContext(command, (ctx) => createFeedToken(ctx, input.label ?? null));
      if (globals(command).json) printJson(result);
      else if (isTty()) {
        printLine(`Feed token (shown once): ${result.token}`);
        printLine(`Subscribe to: http://127.0.0.1:4870${result.path}  (your server's address in place of 127.0.0.1:4870)`);
        printLine(paint.dim('Revoke it with: grow calendar token revoke TOKEN (or --all)'));
      } else printLine(result.token);
    });
  token
    .command('revoke')
    .argument('[token]', 'the token to revoke')
    .option('--all', 'revoke every calendar feed token of yours')
    .description('revoke a feed token, or all of them')
    .action(async (secret: string | undefined, flags: { all?: boolean }, command: Command) => {
      const { revokeFeedToken } = await import('../services/calendar.service.js');
      const { usage } = await import('./session.js');
      if (secret === undefined && !flags.all) throw usage('token: name the token to revoke, or pass --all');
      if (secret !== undefined && flags.all) throw usage('token: give a token or --all, not both');
      const result = await withContext(command, (ctx) => revokeFeedToken(ctx, secret));
      if (globals(command).json) printJson(result);
      else printLine(result.revoked === 1 ? 'Revoked 1 calendar token.' : `Revoked ${result.revoked} calendar tokens.`);
    });
}

/** `grow export ics`, registered on the existing `export` group (see main.ts). */
export function registerIcsExport(exporter: Command): void {
  exporter
    .command('ics')
    .option('--weeks <n>', 'weeks of plan from the current week, 1..12 (default 4)')
    .option('--out <file>', 'write to a file instead of stdout')
    .description('an iCalendar file of your planned sessions and habits')
    .action(async (flags: { weeks?: string; out?: string }, command: Command) => {
      const { exportCalendar } = await import('../services/calendar.service.js');
      const text = await withContext(command, (ctx) => exportCalendar(ctx, flags.weeks === undefined ? {} : { weeks: flags.weeks }));
      if (flags.out) {
        writeFileSync(flags.out, text);
        if (globals(command).json) printJson({ out: flags.out, bytes: Buffer.byteLength(text) });
        else printLine(`Wrote ${flags.out}.`);
      } else process.stdout.write(text);
    });
}
