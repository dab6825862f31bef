import { describe, expect, it } from 'vitest';
import { deployment, LOCAL_PREVIEW_URL, withBase } from '../../src/authoring/deployment.ts';

describe('deployment (SITE_URL and BASE_PATH)', () => {
  it('defaults to the local preview at the domain root', () => {
    expect(deployment({})).toEqual({ site: LOCAL_PREVIEW_URL, base: '/' });
    expect(deployment({ SITE_URL: '', BASE_PATH: '' })).toEqual({ site: LOCAL_PREVIEW_URL, base: '/' });
  });

  it('gives the base a leading and a trailing slash however it is written', () => {
    for (const written of ['/course/', '/course', 'course', 'course/', ' /course/ ']) {
      expect(deployment({ BASE_PATH: written }).base, written).toBe('/course/');
    }
    expect(deployment({ BASE_PATH: '/~name/td' }).base).toBe('/~name/td/');
    expect(deployment({ BASE_PATH: '/' }).base).toBe('/');
  });

  it('takes the site URL as given, without a trailing slash', () => {
    expect(deployment({ SITE_URL: 'https://user.github.io/', BASE_PATH: '/course/' })).toEqual({ site: 'https://user.github.io', base: '/course/' });
    expect(deployment({ SITE_URL: 'https://www.uni.example/~name/td' }).site).toBe('https://www.uni.example/~name/td');
  });

  it('fails, naming the variable, on values that are not a site URL or a path', () => {
    expect(() => deployment({ SITE_URL: 'user.github.io' })).toThrow(/SITE_URL="user.github.io" is not a URL/);
    expect(() => deployment({ SITE_URL: 'ftp://host/' })).toThrow(/SITE_URL.*http/);
    for (const bad of ['https://user.github.io/course/', '/course/?x=1', '/course/#top', '/a//b/', '//course/', '/course/../x', 'C:\\site']) {
      expect(() => deployment({ BASE_PATH: bad }), bad).toThrow(/BASE_PATH=.* is not a path/);
    }
  });
});

describe('withBase', () => {
  it('puts a site path under the base, keeping its query and fragment', () => {
    expect(withBase('/course/', '/slides/emergence/#/outline')).toBe('/course/slides/emergence/#/outline');
    expect(withBase('/course/', '/slides/emergence/?print-pdf')).toBe('/course/slides/emergence/?print-pdf');
    expect(withBase('/course/', '/')).toBe('/course/');
    expect(withBase('/', '/readings/')).toBe('/readings/');
    expect(withBase('/course', '/readings/')).toBe('/course/readings/');
  });

  it('refuses anything that is not a root-relative site path', () => {
    for (const bad of ['readings/', '#top', '//cdn.example/x.js', 'https://example.org/']) expect(() => withBase('/course/', bad), bad).toThrow(/not a root-relative site path/);
  });
});
