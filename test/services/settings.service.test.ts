import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { getSettings, updateSettings } from '../../src/services/settings.service.js';
import { updatePerson } from '../../src/store/person.repository.js';
import { expectRefusedAndUnchanged } from './service.helpers.js';

describeEachDialect('settings service', (db) => {
  it('shows the name, the time zone and today', async () => {
    expect(await getSettings(await db.ctx())).toEqual({ name: 'me', timeZone: 'UTC', timeZoneIsSystem: false, today: '2026-11-23', technicalRatio: 0.5 });
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
      technicalRatio: 0.5,
    });
    expect(await getSettings(await db.ctx())).toMatchObject({ name: 'Ada', timeZone: 'Europe/Berlin' });
  });

  it("an empty change changes nothing; a null time zone goes back to the system's", async () => {
    const ctx = await db.ctx();
    expect(await updateSettings(ctx, {})).toEqual({ name: 'me', timeZone: 'UTC', timeZoneIsSystem: false, today: '2026-11-23', technicalRatio: 0.5 });
    expect(await updateSettings(ctx, { timeZone: null })).toEqual({
      name: 'me',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      timeZoneIsSystem: true,
      today: '2026-11-23',
      technicalRatio: 0.5,
    });
    expect((await getSettings(await db.ctx())).timeZoneIsSystem).toBe(true);
  });

  it('refuses a bad time zone or name, writing nothing', async () => {
    const ctx = await db.ctx();
    await expectRefusedAndUnchanged(
      ctx,
      () => updateSettings(ctx, { timeZone: 'Mars/Olympus' }),
      'validation_failed',
      'timeZone: expected an IANA time zone such as Europe/Berlin',
    );
    await expectRefusedAndUnchanged(ctx, () => updateSettings(ctx, { name: '  ', timeZone: 'Europe/Berlin' }), 'validation_failed', 'name: must not be empty');
    await expectRefusedAndUnchanged(ctx, () => updateSettings(ctx, { theme: 'dark' }), 'validation_failed', 'theme: unknown field');
    expect(await getSettings(await db.ctx())).toMatchObject({ name: 'me', timeZone: 'UTC' });
  });

  it('keeps the target share of technical practice (default 0.5); null goes back to the default', async () => {
    const ctx = await db.ctx();
    expect((await getSettings(ctx)).technicalRatio).toBe(0.5);
    expect(await updateSettings(ctx, { technicalRatio: 0.7 })).toMatchObject({ name: 'me', technicalRatio: 0.7 });
    expect((await getSettings(await db.ctx())).technicalRatio).toBe(0.7);
    expect((await updateSettings(ctx, { technicalRatio: 0 })).technicalRatio).toBe(0);
    expect((await updateSettings(ctx, { technicalRatio: 1 })).technicalRatio).toBe(1);
    expect((await updateSettings(ctx, { technicalRatio: null })).technicalRatio).toBe(0.5);
  });

  it('refuses a target share outside 0..1, writing nothing', async () => {
    const ctx = await db.ctx();
    await updateSettings(ctx, { technicalRatio: 0.6 });
    const message = 'technicalRatio: expected a number from 0 to 1, e.g. 0.6 for 60% technical';
    for (const technicalRatio of [1.5, -0.1, '0.5', 60]) {
      await expectRefusedAndUnchanged(ctx, () => updateSettings(ctx, { name: 'Ada', technicalRatio }), 'validation_failed', message);
    }
    expect(await getSettings(await db.ctx())).toMatchObject({ name: 'me', technicalRatio: 0.6 });
  });
});
