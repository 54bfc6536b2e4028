/** Region trees are a few levels deep (city → district → street); the bound only stops a corrupt parent cycle. */
const MAX_REGION_DEPTH = 8;

/** The region and its parents, city first: `['320100', '320102']` for 玄武区. */
export function ancestorsOf(code: string, parents: ReadonlyMap<string, string | null>): string[] {
  const chain = [code];
  let parent = parents.get(code) ?? null;
  while (parent !== null && chain.length < MAX_REGION_DEPTH && !chain.includes(parent)) {
    chain.push(parent);
    parent = parents.get(parent) ?? null;
  }
  return chain.reverse();
}
