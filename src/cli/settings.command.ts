import type { Command } from 'commander';
import { printJson, printLine } from './output.js';
import { globals, numberFlag, withContext } from './session.js';

/** `grow settings`: name, time zone and the technical/soft balance. */
export function registerSettingsCommands(program: Command): void {
  program
    .command('settings')
    .option('--time-zone <zone>', 'your IANA time zone, e.g. Europe/Berlin')
    .option('--name <name>', 'your name')
    .option('--technical-ratio <share>', 'the share of practice meant for technical skills, 0..1 (default 0.5)')
    .description('show or change settings')
    .action(async (flags: { timeZone?: string; name?: string; technicalRatio?: string }, command: Command) => {
      const { getSettings, updateSettings } = await import('../services/settings.service.js');
      const technicalRatio = numberFlag('technicalRatio', flags.technicalRatio);
      const changes = Object.fromEntries(Object.entries({ timeZone: flags.timeZone, name: flags.name, technicalRatio }).filter(([, v]) => v !== undefined));
      const settings = await withContext(command, (ctx) => (Object.keys(changes).length ? updateSettings(ctx, changes) : getSettings(ctx)));
      if (globals(command).json) printJson(settings);
      else
        printLine(
          `name       ${settings.name}\ntime zone  ${settings.timeZone}${settings.timeZoneIsSystem ? ' (the system’s)' : ''}\ntoday      ${settings.today}\n` +
            `balance    ${Math.round(settings.technicalRatio * 100)}% technical, ${100 - Math.round(settings.technicalRatio * 100)}% soft`,
        );
    });
}
