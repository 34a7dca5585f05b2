import { describeDatabaseError, isDatabaseUnavailable } from '../../cloudfunctions/adapters/db-errors'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import { defineFunction } from '../../cloudfunctions/runtime/define-function'

// Shapes as the drivers throw them: pg's DatabaseError (SQLSTATE in `code`), Node's socket errors,
// pg/pg-pool/Kysely messages without a code, and an AggregateError from a multi-address connect.
const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('which database errors mean "unavailable, retry shortly"', () => {
  it.each([
    ['57P01 (pg_terminate_backend, fast shutdown)', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 (crash shutdown)', withCode('57P02')],
    ['57P03 (the server is starting up)', withCode('57P03', 'the database system is starting up')],
    ['08006 (connection failure)', withCode('08006')],
    ['53300 (too many connections)', withCode('53300')],
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET')],
    ['ETIMEDOUT', withCode('ETIMEDOUT')],
    ['"Connection terminated unexpectedly"', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a client that is not queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['an AggregateError of refused addresses', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '')],
    ['a wrapped cause', new Error('query failed', { cause: withCode('57P01') })],
    // the CloudBase SDK (TcbError carries the service's code)
    ['CloudBase: its request timed out (ESOCKETTIMEDOUT)', withCode('ESOCKETTIMEDOUT', 'request timeout')],
    ['CloudBase: DATABASE_TIMEOUT', withCode('DATABASE_TIMEOUT')],
    ['CloudBase: EXCEED_CONCURRENT_REQUEST_LIMIT', withCode('EXCEED_CONCURRENT_REQUEST_LIMIT')],
    ['CloudBase: a conflict past the bounded retry', withCode('DATABASE_TRANSACTION_CONFLICT')],
  ])('when the driver throws %s, then it is unavailable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true)
  })

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', withCode('42601')],
    ['a serialization failure (40001)', withCode('40001')],
    ['CloudBase: a duplicate _id', withCode('DATABASE_DUPLICATE_WRITE')],
    ['CloudBase: a bad request', withCode('INVALID_PARAM')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'boom'],
    ['null', null],
  ])('when the driver throws %s, then it is not', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false)
  })

  it('when an error is described for the log, then only its code and first line are kept, never the client or detail', () => {
    const err = Object.assign(withCode('57P01', 'terminating connection due to administrator command\nsecond line'), {
      detail: 'Key (phone)=(13800000000) already exists.',
      client: { connectionParameters: { password: 'hunter2' } },
    })
    expect(describeDatabaseError(err)).toBe('57P01 terminating connection due to administrator command')
  })
})

describe('the dispatcher maps a lost database once', () => {
  const fn = defineFunction('consumer', {
    listMyCases: async () => {
      throw withCode('57P01', 'terminating connection due to administrator command')
    },
  } as never)
  const ctx = { caller: { subject: 'someone', staff: null, memberships: [] }, deps: {} } as never

  it('when a handler hits a terminated connection, then the result is SERVICE_UNAVAILABLE with its Chinese message, not INTERNAL', async () => {
    const logged: string[] = []
    const r = await dispatch(fn, { action: 'listMyCases' }, ctx, { error: (m) => logged.push(m) })
    expect(r).toEqual({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时中断，请稍等几秒后重试' } })
    expect(logged).toEqual(['[consumer.listMyCases] database unavailable: 57P01 terminating connection due to administrator command'])
  })
})
