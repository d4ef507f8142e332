/**
 * The strongly connected parts of a directed graph: the chart's loops, and every node outside a
 * loop as a part of its own (Tarjan's algorithm, iterative: charts with thousands of nodes would
 * overflow a recursive one). Shared by the engine's scoring and the checker, so both see the same
 * loops.
 *
 * Each part comes after every part it leads to; inside a part, nodes are in the order the search
 * first reached them. The search starts from `ids` in their order. A successor that is not among
 * `ids` (a transition to a state that does not exist, in a chart the checker is reading) is skipped.
 */
export function stronglyConnectedParts(ids: readonly string[], successors: (id: string) => readonly string[]): string[][] {
	const known = new Set(ids);
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const placed = new Set<string>();
	const stack: string[] = [];
	const parts: string[][] = [];
	let counter = 0;
	for (const root of ids) {
		if (index.has(root)) continue;
		const work: { id: string; out: readonly string[]; next: number }[] = [];
		const open = (id: string) => {
			index.set(id, counter);
			low.set(id, counter++);
			stack.push(id);
			work.push({ id, out: successors(id), next: 0 });
		};
		open(root);
		while (work.length) {
			const top = work[work.length - 1];
			if (top.next < top.out.length) {
				const target = top.out[top.next++];
				if (!known.has(target)) continue;
				if (!index.has(target)) open(target);
				// Reached before and not yet in a finished part: it is on the stack, in this part.
				else if (!placed.has(target)) low.set(top.id, Math.min(low.get(top.id)!, index.get(target)!));
				continue;
			}
			work.pop();
			if (work.length) {
				const parent = work[work.length - 1].id;
				low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
			}
			if (low.get(top.id) === index.get(top.id)) {
				const part = stack.splice(stack.lastIndexOf(top.id));
				for (const id of part) placed.add(id);
				parts.push(part);
			}
		}
	}
	return parts;
}
