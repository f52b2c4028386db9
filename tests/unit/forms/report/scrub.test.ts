import { describe, expect, it } from 'vitest';
import { generaliseValue, keywordValue, scrubText } from '../../../../src/forms/report/scrub';

describe('scrubText', () => {
  it.each([
    ['Contact email address', 'Contact email address'],
    ['  Email\n\taddress  ', 'Email address'],
    ['Logged in as m.oyelaran@example.org.', 'Logged in as [e-mail]'],
    ['Follow @oyelaran_art', 'Follow [e-mail]'],
    ['mail m.oyelaran(at)example.org', 'mail [e-mail]'],
    ['mail m.oyelaran [at] example.org', 'mail [e-mail]'],
    ['See https://www.facebook.com/oyelaran.77?ref=1 now', 'See [link] now'],
    ['See www.example.org/x', 'See [link]'],
    ['See facebook.com/oyelaran.77', 'See [link]'],
    ['Account 100012345678901', 'Account #'],
    ['Call +49 170 5550123', 'Call #'],
    ['Id 1000-1234-5678', 'Id #'],
    ['Minimum 100 characters, 2025', 'Minimum 100 characters, 2025'],
    ['Code 12345', 'Code #'],
  ])('%j → %j', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('cuts long text', () => {
    expect(scrubText('word '.repeat(100), 20)).toBe('word word word word…');
  });
});

describe('generaliseValue', () => {
  it.each([
    ['Field1254393021315573', 'Field#'],
    ['u_0_5_aB', 'u_#_#_aB'],
    [':r1a:', ':r#a:'],
    ['mount_0_0_Xq', 'mount_#_#_Xq'],
    ['email', 'email'],
    ['ai-objection-form', 'ai-objection-form'],
    ['tok_AQHRq7TxKz9LmVpW3sDfGh', 'tok_*'],
    ['a1b2c3d4', '*'],
    ['XkcdQwrtzPl', '*'],
    ['m.oyelaran@example.org', '*'],
    ['https://x.example/a', '*'],
    ['post_734829105566712_1', 'post_#_#'],
  ])('%j → %j', (input, expected) => {
    expect(generaliseValue(input)).toBe(expected);
  });
});

describe('keywordValue', () => {
  it.each([
    ['email', 'email'],
    ['Submit', 'submit'],
    ['button menuitem', 'button menuitem'],
    ['100', '100'],
    ['100012345678901', '#'],
  ])('%j → %j', (input, expected) => {
    expect(keywordValue(input)).toBe(expected);
  });
});
