import { parseDotenv } from '../../src/config/dotenv.js';

// The shapes operators write by hand: the parser must agree with `node --env-file`.
describe('.env files', () => {
  test('quotes are stripped, comments and export are understood', () => {
    const parsed = parseDotenv(
      [
        '# notification secrets',
        'SLACK_WEBHOOK_URL="https://hooks.slack.test/services/T/B/x"',
        "export TEAMS_WEBHOOK_URL='https://teams.test/hook'",
        'SMTP_PASSWORD=p4ss # trailing comment',
        'MULTI="line one',
        'line two"',
        '',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T/B/x',
      TEAMS_WEBHOOK_URL: 'https://teams.test/hook',
      SMTP_PASSWORD: 'p4ss',
      MULTI: 'line one\nline two',
    });
  });

  test('the result has no prototype surprises and never touches process.env', () => {
    const before = { ...process.env };
    const parsed = parseDotenv('DHASH_DOTENV_TEST=1\n');
    expect(parsed).toEqual({ DHASH_DOTENV_TEST: '1' });
    expect(process.env).toEqual(before);
  });
});
