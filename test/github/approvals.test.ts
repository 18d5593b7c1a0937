import { evaluateApprovals, parseOpsApprovers, type Review } from '../../src/domain/reviews/approvals.js';

const r = (id: number, login: string, state: string, minute: number): Review => ({
  id,
  login,
  state,
  submittedAt: `2026-11-27T10:${String(minute).padStart(2, '0')}:00Z`,
});
const policy = (required: number, ops: string[] = [], author?: string) => ({
  requiredApprovals: required,
  opsApprovers: new Set(ops),
  author,
});

describe('evaluateApprovals', () => {
  test('two distinct approvers, one from Ops, approve', () => {
    const v = evaluateApprovals(
      [r(1, 'bob', 'APPROVED', 1), r(2, 'olga', 'APPROVED', 2)],
      policy(2, ['olga']),
    );
    expect(v).toMatchObject({
      approved: true,
      approvals: 2,
      approvers: ['bob', 'olga'],
      opsApprovers: ['olga'],
      missing: [],
    });
  });

  test('the same reviewer approving twice counts once', () => {
    const v = evaluateApprovals([r(1, 'bob', 'APPROVED', 1), r(2, 'BOB', 'APPROVED', 2)], policy(2));
    expect(v.approvals).toBe(1);
    expect(v.missing).toEqual(['2 distinct approvals required, 1 present']);
  });

  test('a later change request or dismissal withdraws an approval; a later comment does not', () => {
    const v = evaluateApprovals(
      [
        r(1, 'bob', 'APPROVED', 1),
        r(2, 'bob', 'COMMENTED', 5),
        r(3, 'carol', 'APPROVED', 1),
        r(4, 'carol', 'DISMISSED', 2),
        r(5, 'dave', 'APPROVED', 1),
        r(6, 'dave', 'CHANGES_REQUESTED', 3),
      ],
      policy(1),
    );
    expect(v.approvers).toEqual(['bob']);
    expect(v.changesRequested).toEqual(['dave']);
    expect(v.approved).toBe(false);
  });

  test('an approval after a change request counts; order is by submission time, not by list order', () => {
    const v = evaluateApprovals(
      [r(2, 'dave', 'APPROVED', 4), r(1, 'dave', 'CHANGES_REQUESTED', 3)],
      policy(1),
    );
    expect(v).toMatchObject({ approved: true, approvers: ['dave'] });
  });

  test('pending reviews and the author never count', () => {
    const v = evaluateApprovals(
      [{ id: 1, login: 'bob', state: 'PENDING', submittedAt: null }, r(2, 'alice', 'APPROVED', 1)],
      policy(1, [], 'Alice'),
    );
    expect(v.approvals).toBe(0);
  });

  test('without an Ops approver the check fails even with enough approvals', () => {
    const v = evaluateApprovals(
      [r(1, 'bob', 'APPROVED', 1), r(2, 'carol', 'APPROVED', 2)],
      policy(2, ['olga']),
    );
    expect(v).toMatchObject({ approved: false, missing: ['no approval from an Ops approver yet'] });
  });

  test('a team with no approving member still requires Ops approval', () => {
    const v = evaluateApprovals([r(1, 'bob', 'APPROVED', 1)], { ...policy(1), opsRequired: true });
    expect(v.missing).toEqual(['no approval from an Ops approver yet']);
  });

  test('a negative requirement is refused', () => {
    expect(() => evaluateApprovals([], policy(-1))).toThrow(/non-negative integer/);
  });
});

describe('parseOpsApprovers', () => {
  test.each([
    ['', { kind: 'none' }],
    ['mobius/dhash-ops', { kind: 'team', org: 'mobius', slug: 'dhash-ops' }],
    ['@mobius/dhash-ops', { kind: 'team', org: 'mobius', slug: 'dhash-ops' }],
    ['team:ops', { kind: 'team', org: 'owner', slug: 'ops' }],
    ['olga, @bob\nzed', { kind: 'logins', logins: ['olga', 'bob', 'zed'] }],
  ])('%j', (text, expected) => {
    expect(parseOpsApprovers(text, 'owner')).toEqual(expected);
  });

  test('names what is not a login', () => {
    expect(() => parseOpsApprovers('olga, not a/login/x')).toThrow(/not GitHub logins|not a valid/);
    expect(() => parseOpsApprovers('bad_login!')).toThrow('ops approvers: not GitHub logins: "bad_login!"');
  });
});
