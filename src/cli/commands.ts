import { Command, Option } from 'commander';

/**
 * The command groups, each with the top-level commands it defines. A run loads only the group of
 * the command it names (a short command such as `grow habit done` then skips parsing the rest of
 * the CLI); help, a bare `grow` and an unknown command load them all, so help stays complete and
 * commander can suggest the nearest name. Some groups add subcommands to another's command
 * (`import goodreads`, `export jekyll`, `learn takeaway`), so they load together.
 */
type Register = (program: Command) => void;

const GROUPS: { names: readonly string[]; load(): Promise<Register> }[] = [
  { names: ['habit', 'today'], load: async () => (await import('./habit.command.js')).registerHabitCommands },
  { names: ['scorecard'], load: async () => (await import('./scorecard.command.js')).registerScorecardCommands },
  {
    names: ['export', 'import', 'migrate', 'settings', 'token', 'reflect'],
    load: async () => {
      const [backup, plan, loop, database, settings, token, library, reflection] = await Promise.all([
        import('./backup.command.js'),
        import('./plan.command.js'),
        import('./loop-import.command.js'),
        import('./database.command.js'),
        import('./settings.command.js'),
        import('./token.command.js'),
        import('./library-import.command.js'),
        import('./reflection.command.js'),
      ]);
      return (program) => {
        const { importer, exporter } = backup.registerBackupCommands(program);
        plan.registerIcsExport(exporter);
        loop.registerLoopImportCommands(importer);
        database.registerDatabaseCommands(program);
        settings.registerSettingsCommands(program);
        token.registerTokenCommands(program);
        library.registerLibraryImportCommands(importer);
        reflection.registerReflectionCommands(program, { importer, exporter });
      };
    },
  },
  { names: ['framework'], load: async () => (await import('./framework.command.js')).registerFrameworkCommands },
  { names: ['skill', 'target', 'track', 'evidence', 'facet'], load: async () => (await import('./skill.command.js')).registerSkillCommands },
  { names: ['log', 'balance'], load: async () => (await import('./activity.command.js')).registerActivityCommands },
  { names: ['path', 'experiment'], load: async () => (await import('./path.command.js')).registerPathCommands },
  { names: ['plan', 'calendar'], load: async () => (await import('./plan.command.js')).registerPlanCommands },
  {
    names: ['learn', 'review'],
    load: async () => {
      const [learning, review] = await Promise.all([import('./learning.command.js'), import('./review.command.js')]);
      return (program) => review.registerReviewCommands(program, learning.registerLearningCommands(program));
    },
  },
  { names: ['journal'], load: async () => (await import('./journal.command.js')).registerJournalCommands },
  { names: ['serve', 'login-link'], load: async () => (await import('./server.command.js')).registerServerCommands },
];

/** Every top-level command name, for tests that hold the table above to what the groups define. */
export const COMMAND_NAMES: readonly string[] = GROUPS.flatMap((g) => g.names);

/** The command a run names: the first word that is neither a global option nor its value. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The program with the commands `argv` needs: the named command's group, or every group (in the
 * order help lists them) when no known command is named. Without `argv`, every group.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('grow')
    .description('Grow technical and soft skills side by side, and build the habits that carry it.')
    .addOption(new Option('--db <url>', 'database: a SQLite file or postgres://… (default $GROW_DATABASE_URL, else $GROW_HOME/grow.db)'))
    .option('--json', 'machine-readable output on stdout')
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  const name = argv && commandName(argv);
  const group = name === undefined ? undefined : GROUPS.find((g) => g.names.includes(name));
  const registers = await Promise.all((group ? [group] : GROUPS).map((g) => g.load()));
  // In the table's order, which is the order help lists the commands in.
  for (const register of registers) register(program);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: () => {} });
    for (const sub of command.commands) sub.exitOverride().configureOutput({ outputError: () => {} });
  }
  return program;
}
