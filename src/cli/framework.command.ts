import type { Command } from 'commander';
import { IMPORT_LIMITS } from '../core/import-limits.js';
import type { Framework } from '../core/framework.js';
import type { FrameworkSummary } from '../services/framework.service.js';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import { readImportFile } from './import-file.js';
import { paint, printJson, printLine, printTable } from './output.js';
import { globals, withContext } from './session.js';

/** The framework file limit (src/core/import-limits.ts), checked before the file is read. */
export const MAX_FRAMEWORK_FILE_BYTES = IMPORT_LIMITS.frameworkBytes;

function printFrameworkList(frameworks: FrameworkSummary[]): void {
  printTable(
    ['', 'ID', 'NAME', 'VERSION', 'SKILLS', 'TRACKS'],
    frameworks.map((f) => [
      f.active ? paint.good('*') : '',
      `${f.id}${f.builtin ? paint.dim(' (built-in)') : ''}`,
      f.name,
      f.version,
      String(f.skills),
      f.tracks.join(', '),
    ]),
  );
}

function printFramework(f: Framework): void {
  printLine(`${paint.bold(f.name)} ${paint.dim(`(${f.id}, version ${f.version})`)}`);
  if (f.description) printLine(f.description);
  printLine();
  printTable(
    ['SKILL', 'KIND', 'NAME'],
    f.skills.map((s) => [s.id, s.kind, s.name]),
  );
  for (const track of f.tracks) {
    printLine();
    printLine(`${paint.bold(track.name)} ${paint.dim(`(${track.id}, ${track.type})`)}`);
    const skills = f.skills.map((s) => s.id).filter((id) => track.levels.some((l) => l.expects[id] !== undefined));
    printTable(
      ['SKILL', ...track.levels.map((l) => l.id.toUpperCase())],
      skills.map((id) => [id, ...track.levels.map((l) => (l.expects[id] === undefined ? paint.dim('–') : String(l.expects[id])))]),
    );
    if (track.facets.length > 0) {
      printLine();
      printTable(
        ['FACET', 'NAME', 'SKILLS'],
        track.facets.map((x) => [x.id, x.name, x.skills.join(', ')]),
      );
    }
  }
}

export function registerFrameworkCommands(program: Command): void {
  const framework = program.command('framework').description('career frameworks: the built-in one and your own');

  const entry = IMPORT_REGISTRY.framework;
  framework
    .command('import')
    .argument('<file>', entry.file)
    .option('--use', 'make it your active framework')
    .option('--replace', 'replace an earlier import with the same id')
    .description(entry.description)
    .action(async (file: string, flags: { use?: boolean; replace?: boolean }, command: Command) => {
      const { importFramework } = await import('../services/framework.service.js');
      const content = readImportFile(file, entry.limit);
      const result = await withContext(command, (ctx) => importFramework(ctx, content, { use: flags.use, replace: flags.replace }));
      if (globals(command).json) printJson(result);
      else
        printLine(
          `${result.replaced ? 'Replaced' : 'Imported'} ${result.name} (${result.id}): ${result.skills} skills, tracks ${result.tracks.join(', ')}.${result.active ? ' It is your active framework.' : ` Use it: grow framework use ${result.id}`}`,
        );
    });

  framework
    .command('list')
    .description('the frameworks you can use; * marks the active one')
    .action(async (_flags: unknown, command: Command) => {
      const { listFrameworks } = await import('../services/framework.service.js');
      const list = await withContext(command, (ctx) => listFrameworks(ctx));
      if (globals(command).json) printJson(list);
      else printFrameworkList(list);
    });

  framework
    .command('show')
    .argument('<id>', 'a framework id (grow is the built-in one)')
    .description('a framework: its skills, and what each track level expects')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const { showFramework } = await import('../services/framework.service.js');
      const shown = await withContext(command, (ctx) => showFramework(ctx, id));
      if (globals(command).json) printJson(shown);
      else printFramework(shown);
    });

  framework
    .command('use')
    .argument('<id>', 'a framework id (grow is the built-in one)')
    .description('measure yourself against this framework')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const { useFramework } = await import('../services/framework.service.js');
      const used = await withContext(command, (ctx) => useFramework(ctx, id));
      if (globals(command).json) printJson(used);
      else printLine(`Your active framework is now ${used.name} (${used.id}).`);
    });
}
