/**
 * The oldest Node lede runs on (package.json `engines`). Below it lede fails deep inside (`Map.groupBy`, newer
 * `fs` APIs) with a stack trace that never mentions Node, so the entry checks first.
 */
export const requiredNode = { major: 22, minor: 12 } as const;

/**
 * One line saying what the running Node is, what lede needs and how to get it, or undefined when `version` (as in
 * `process.versions.node`) is new enough. A version that cannot be read is let through: better a real error than a
 * wrong refusal.
 */
export function checkNodeVersion(version: string): string | undefined {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major === undefined || minor === undefined || Number.isNaN(major) || Number.isNaN(minor))
    return undefined;
  if (major > requiredNode.major || (major === requiredNode.major && minor >= requiredNode.minor))
    return undefined;
  const needed = `${requiredNode.major}.${requiredNode.minor}`;
  return (
    `lede: this is Node ${version.replace(/^v/, '')}; lede needs Node ${needed} or newer. ` +
    `Install it with \`nvm install ${requiredNode.major}\`, \`fnm install ${requiredNode.major}\` or from ` +
    'https://nodejs.org; in a clone of lede, `npm run lede -- <command>` fetches it for you.'
  );
}
