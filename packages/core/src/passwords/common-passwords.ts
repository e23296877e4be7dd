/**
 * Frequently chosen passwords of 10+ characters (shorter ones are refused by
 * length alone). Drawn from the patterns that top published breach-frequency
 * lists: keyboard walks, digit runs, "password"/"iloveyou" with suffixes, and
 * names of sports teams and fandoms. Lower-case; the check lower-cases input.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '1234567890', '0123456789', '0987654321', '9876543210', '1111111111', '0000000000',
  '2222222222', '5555555555', '7777777777', '8888888888', '9999999999', '1212121212',
  '1122334455', '1234512345', '1234554321', '12345678910', '123456789a', '123456789q',
  '12345qwert', '123qweasdzxc', '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'qwertyuiop', 'qwertyuiop[]', 'asdfghjkl;', 'asdfghjkl1', 'zxcvbnm123', 'qwerty1234',
  'qwerty12345', 'qwerty123456', 'qwertyqwerty', 'qweasdzxc123', 'asdfasdfasdf', 'azertyuiop',
  'abcdefghij', 'abcdefg123', 'abc1234567', 'abcd123456', 'a123456789', 'aa12345678',
  'password12', 'password123', 'password1234', 'password!!', 'password01', 'passw0rd123',
  'p@ssw0rd123', 'password1!', 'mypassword', 'mypassword1', 'passwordpassword', 'changeme123',
  'letmein123', 'letmeinnow', 'welcome123', 'welcome1234', 'welcomehome', 'iloveyou12',
  'iloveyou123', 'iloveyou1234', 'iloveyouforever', 'iloveyou!!', 'iloveyoubaby', 'loveyou123',
  'sunshine123', 'princess123', 'football123', 'baseball123', 'basketball', 'basketball1',
  'liverpool1', 'liverpool123', 'manchester', 'manchesterunited', 'chelsea123', 'arsenal123',
  'superman123', 'batman1234', 'spiderman1', 'starwars123', 'pokemon123', 'minecraft1',
  'minecraft123', 'dragonball', 'naruto1234', 'trustno1trustno1', 'monkey1234', 'shadow1234',
  'michael123', 'jennifer123', 'jessica123', 'charlie123', 'computer123', 'internet123',
  'whatever123', 'qazwsxedcrfv', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'zxcvbnmasdfghjkl', 'asdfghjklqwertyuiop',
  'administrator', 'admin12345', 'admin123456', 'root123456', 'test123456', 'testtest123',
  'football1234', 'soccer1234', 'hockey1234', 'princess12', 'sweetheart', 'sweetheart1',
  'lovelylove', 'lovelovelove', 'mylove1234', 'babygirl123', 'myhusband1', 'mywife1234',
  'forever123', 'together123', 'happiness1', 'blessed123', 'jesus12345', 'christmas1',
  'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026',
  'spring2025', 'spring2026', 'autumn2025', 'autumn2026', 'january2026', 'november2026',
];
