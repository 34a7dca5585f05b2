import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { callAs } from '../support/call-as'
import { SITE_A, SITE_B } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

const ROBOT_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'
const WEBHOOK = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${ROBOT_KEY}`

// station.*NotificationContact through the station function, as the host calls it: a station
// edits only its own site's contacts (another site's answer as if they did not exist), a regulator
// any site, area or the deployment; merchants and shoppers are refused; a target goes in whole and
// comes back masked; every save and delete is on record with who made it.
describe('notification contacts — station function', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const who: Record<string, PlatformIdentity> = {}
  const station = (action: string, input: object, as: PlatformIdentity) => callAs(world.deps, 'station', { action, ...input }, as)
  const siteContact = (siteId: string, over: object = {}) => ({
    scope: { kind: 'site', siteId },
    label: '星河广场值班群',
    roles: ['station', 'regulator'],
    events: ['overdue', 'escalation'],
    channel: 'wecom',
    target: WEBHOOK,
    ...over,
  })

  beforeAll(async () => {
    world = await openWorkflowWorld()
    Object.assign(who, world.who)
    const passwordHash = await world.deps.secrets.hashPassword('pw-123456')
    for (const s of [
      { id: 'reg-1', role: 'regulator', siteId: null },
      { id: 'px-1', role: 'proxy', siteId: SITE_A.id },
    ] as const) {
      await world.store.saveStaff({
        id: s.id,
        username: s.id,
        displayName: s.id,
        role: s.role,
        siteId: s.siteId,
        passwordHash,
        createdAt: '2026-03-10T02:00:00.000Z',
      })
      const login = await loginStaff(world.deps, s.id, 'pw-123456')
      if (!login.ok) throw new Error(login.error.code)
      who[s.id] = { subject: `${s.id}-desk`, staffSessionToken: login.data.token }
    }
  })
  afterAll(() => world.store.close())

  it('when a station saves a group for its own site, then it is listed with the key masked, stored whole, and the save is on record', async () => {
    const saved = await station('saveNotificationContact', siteContact(SITE_A.id), who['st-a'])
    expect(saved).toMatchObject({ ok: true, data: { label: '星河广场值班群', channel: 'wecom', targetMasked: '****5aaa', editable: true } })
    expect(JSON.stringify(saved)).not.toContain(ROBOT_KEY.slice(0, 12))
    const id = saved.ok ? (saved.data.id as string) : ''

    const list = await station('listNotificationContacts', {}, who['st-a'])
    expect(list).toMatchObject({ ok: true, data: { siteId: SITE_A.id, siteName: SITE_A.name, editableScopes: ['site'] } })
    expect(list.ok && list.data.items.map((c: { id: string }) => c.id)).toContain(id)
    expect(JSON.stringify(list)).not.toContain(ROBOT_KEY.slice(0, 12))

    expect(await world.store.getContact(id)).toMatchObject({ target: ROBOT_KEY, updatedBy: 'st-a' })
    expect(await world.store.listContactChanges(id)).toEqual([
      expect.objectContaining({ change: 'saved', by: { role: 'station', id: 'st-a' } }),
    ])
  })

  it("when a station of site B reaches for site A's contacts, then it can neither read, change nor delete them", async () => {
    const saved = await station('saveNotificationContact', siteContact(SITE_A.id, { label: 'A站专用' }), who['st-a'])
    const id = saved.ok ? (saved.data.id as string) : ''
    const before = await world.store.getContact(id)

    expect(await station('listNotificationContacts', { siteId: SITE_A.id }, who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
    const own = await station('listNotificationContacts', {}, who['st-b'])
    expect(own.ok && own.data.items.some((c: { id: string }) => c.id === id)).toBe(false)
    expect(await station('saveNotificationContact', siteContact(SITE_B.id, { id, target: '' }), who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'CONTACT_NOT_FOUND' },
    })
    expect(await station('saveNotificationContact', siteContact(SITE_A.id), who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
    expect(await station('deleteNotificationContact', { id }, who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'CONTACT_NOT_FOUND' },
    })
    // nor can a station set the area's or the whole deployment's contacts
    for (const scope of [{ kind: 'area', areaId: 'xihu' }, { kind: 'default' }])
      expect(await station('saveNotificationContact', { ...siteContact(SITE_B.id), scope }, who['st-b'])).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    expect(await world.store.getContact(id)).toEqual(before)
    expect(await world.store.listContactChanges(id)).toHaveLength(1)
  })

  it('when a merchant, a shopper or a proxy desk calls the contact actions, then each is refused', async () => {
    for (const action of ['listNotificationContacts', 'saveNotificationContact', 'deleteNotificationContact']) {
      const input = action === 'saveNotificationContact' ? siteContact(SITE_A.id) : { id: 'any' }
      expect(await station(action, input, who.clerkA)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(await station(action, input, { subject: 'a-shopper' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(await station(action, input, who['px-1'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await world.store.listContactsAt({ kind: 'site', siteId: SITE_A.id })).not.toContainEqual(
      expect.objectContaining({ updatedBy: 'px-1' }),
    )
  })

  it('when a field is wrong, then the error names that field in Chinese and nothing is saved', async () => {
    const badPhone = await station(
      'saveNotificationContact',
      siteContact(SITE_A.id, { channel: 'sms', target: '12345', label: '坏号码' }),
      who['st-a'],
    )
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { target: '请填写11位手机号码' } } })
    const empty = await station(
      'saveNotificationContact',
      siteContact(SITE_A.id, { roles: [], events: [], label: '', target: '' }),
      who['st-a'],
    )
    expect(empty).toMatchObject({
      ok: false,
      error: {
        fields: {
          roles: '请至少选择一类消息对象',
          events: '请至少选择一类消息',
          label: expect.stringContaining('请填写名称'),
          target: '请填写群机器人地址',
        },
      },
    })
    expect((await world.store.listContactsAt({ kind: 'site', siteId: SITE_A.id })).some((c) => c.label === '坏号码')).toBe(false)
  })

  it('when a contact is edited without retyping its target, then the stored one is kept; switching to SMS needs a number', async () => {
    const saved = await station('saveNotificationContact', siteContact(SITE_A.id, { label: '改名前' }), who['st-a'])
    const id = saved.ok ? (saved.data.id as string) : ''
    const renamed = await station(
      'saveNotificationContact',
      siteContact(SITE_A.id, { id, label: '改名后', target: '', events: ['new_case'] }),
      who['st-a'],
    )
    expect(renamed).toMatchObject({ ok: true, data: { id, label: '改名后', events: ['new_case'], targetMasked: '****5aaa' } })
    expect(await world.store.getContact(id)).toMatchObject({ target: ROBOT_KEY, label: '改名后' })
    expect(await station('saveNotificationContact', siteContact(SITE_A.id, { id, channel: 'sms', target: '' }), who['st-a'])).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { target: '请填写手机号码' } },
      },
    )
    const sms = await station(
      'saveNotificationContact',
      siteContact(SITE_A.id, { id, channel: 'sms', target: '+86 139 0000 1111' }),
      who['st-a'],
    )
    expect(sms).toMatchObject({ ok: true, data: { channel: 'sms', targetMasked: '****1111' } })
    expect(await world.store.getContact(id)).toMatchObject({ target: '13900001111' })
  })

  it("when a regulator sets an area's group, then a station of a site in that area sees it but cannot change it, and the regulator can delete it on record", async () => {
    await world.store.saveSite({ ...SITE_A, areaId: 'xihu' })
    const saved = await station(
      'saveNotificationContact',
      { ...siteContact(SITE_A.id), scope: { kind: 'area', areaId: 'xihu' }, label: '西湖区局群' },
      who['reg-1'],
    )
    expect(saved).toMatchObject({ ok: true, data: { scope: { kind: 'area', areaId: 'xihu' }, editable: true } })
    const id = saved.ok ? (saved.data.id as string) : ''

    const seenByStation = await station('listNotificationContacts', {}, who['st-a'])
    expect(seenByStation.ok && seenByStation.data.items.find((c: { id: string }) => c.id === id)).toMatchObject({ editable: false })
    expect(await station('deleteNotificationContact', { id }, who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'CONTACT_NOT_FOUND' },
    })
    const seenByRegulator = await station('listNotificationContacts', { siteId: SITE_A.id }, who['reg-1'])
    expect(seenByRegulator).toMatchObject({ ok: true, data: { areaId: 'xihu', editableScopes: ['site', 'area', 'default'] } })
    expect(await station('listNotificationContacts', { areaId: 'xihu' }, who['reg-1'])).toMatchObject({
      ok: true,
      data: { items: [expect.objectContaining({ id })] },
    })

    expect(await station('deleteNotificationContact', { id }, who['reg-1'])).toEqual({ ok: true, data: { id } })
    expect(await world.store.getContact(id)).toBeNull()
    expect((await world.store.listContactChanges(id)).map((c) => [c.change, c.by.id])).toEqual([
      ['saved', 'reg-1'],
      ['deleted', 'reg-1'],
    ])
    expect(await station('deleteNotificationContact', { id }, who['reg-1'])).toMatchObject({
      ok: false,
      error: { code: 'CONTACT_NOT_FOUND' },
    })
  })
})
