/** One page of a list endpoint, the shape of `pageOf(...)` in the contract. */
export interface Page<T> {
  items: T[];
  total: number;
}
