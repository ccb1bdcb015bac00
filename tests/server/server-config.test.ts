import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, parseServerConfig } from '../../server/server-config';

describe('parseServerConfig', () => {
  it('defaults to loopback, the default port and a database under the working folder', () => {
    expect(parseServerConfig([], {}, '/srv/app')).toEqual({
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      databasePath: '/srv/app/.cam-party/server.sqlite',
      iceServers: [],
    });
  });

  it('takes flags over environment variables', () => {
    const env = { CAM_PARTY_HOST: '0.0.0.0', CAM_PARTY_PORT: '9000', CAM_PARTY_DB: '/env.sqlite' };
    expect(parseServerConfig(['--port=9100', '--db', 'rel.sqlite'], env, '/w')).toMatchObject({
      host: '0.0.0.0',
      port: 9100,
      databasePath: '/w/rel.sqlite',
    });
  });

  it('reads ICE servers as validated JSON', () => {
    const config = parseServerConfig(['--ice-servers', '[{"urls":"turn:turn.example.org","username":"u","credential":"c"}]'], {}, '/');
    expect(config.iceServers).toEqual([{ urls: 'turn:turn.example.org', username: 'u', credential: 'c' }]);
  });

  it.each([
    [['--port', '70000'], /Port must be/],
    [['--port', 'abc'], /Port must be/],
    [['--port'], /needs a value/],
    [['--wat', '1'], /Unknown option --wat/],
    [['--ice-servers', '{oops'], /JSON array/],
    [['--ice-servers', '[{"url":"x"}]'], /not valid/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseServerConfig(argv, {}, '/')).toThrow(ConfigError);
    expect(() => parseServerConfig(argv, {}, '/')).toThrow(message);
  });
});
