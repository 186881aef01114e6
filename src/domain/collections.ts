/**
 * Appends `value` to the list `map` holds under `key`, starting the list when there is none. In place: a list built
 * by copying itself for each value (`[...list, value]`) costs the square of its length, which a plan of 50 000
 * ramjusteringar under ten nämnder felt.
 */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
