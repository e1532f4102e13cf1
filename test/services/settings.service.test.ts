import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { getSettings, updateSettings } from '../../src/services/settings.service.js';
import { updatePerson } from '../../src/store/person.repository.js';
import { expectRefusedAndUnchanged } from './service.helpers.js';

describeEachDialect('settings service', (db) => {
  it('shows the name, the time zone and today', async () => {
    expect(await getSettings(await db.ctx())).toEqual({ name: 'me', timeZone: 'UTC', timeZoneIsSystem: false, today: '2026-11-23' });
  });

  it("falls back to the system's time zone when none is set", async () => {
    const ctx = await db.ctx();
    await updatePerson(db.store.db, ctx.personId, { time_zone: null });
    const settings = await getSettings(await db.ctx());
    expect(settings.timeZoneIsSystem).toBe(true);
    expect(settings.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('changes the name and the time zone, and keeps them', async () => {
    const ctx = await db.ctx();
    expect(await updateSettings(ctx, { name: 'Ada', timeZone: 'Europe/Berlin' })).toEqual({
      name: 'Ada',
      timeZone: 'Europe/Berlin',
      timeZoneIsSystem: false,
      today: '2026-11-23',
    });
    expect(await getSettings(await db.ctx())).toMatchObject({ name: 'Ada', timeZone: 'Europe/Berlin' });
  });

  it('an empty change changes nothing; a null time zone goes back to the system\'s', async () => {
    const ctx = await db.ctx();
    expect(await updateSettings(ctx, {})).toEqual({ name: 'me', timeZone: 'UTC', timeZoneIsSystem: false, today: '2026-11-23' });
    expect(await updateSettings(ctx, { timeZone: null })).toEqual({
      name: 'me',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      timeZoneIsSystem: true,
      today: '2026-11-23',
    });
    expect((await getSettings(await db.ctx())).timeZoneIsSystem).toBe(true);
  });

  it('refuses a bad time zone or name, writing nothing', async () => {
    const ctx = await db.ctx();
    await expectRefusedAndUnchanged(ctx, () => updateSettings(ctx, { timeZone: 'Mars/Olympus' }), 'validation_failed', 'timeZone: expected an IANA time zone such as Europe/Berlin');
    await expectRefusedAndUnchanged(ctx, () => updateSettings(ctx, { name: '  ', timeZone: 'Europe/Berlin' }), 'validation_failed', 'name: must not be empty');
    await expectRefusedAndUnchanged(ctx, () => updateSettings(ctx, { theme: 'dark' }), 'validation_failed', 'theme: unknown field');
    expect(await getSettings(await db.ctx())).toMatchObject({ name: 'me', timeZone: 'UTC' });
  });
});
