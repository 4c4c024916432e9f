/**
 * The share of signed actions: of the ballots, quiz answers and ideas people made in a range (a
 * ballot or answer by its latest change), how many were made by people the host site signed in
 * (`Kolo-Identity`) rather than by anonymous browsers. The server counts them from what it stores.
 * (A type only: a value exported from the package index cost the widgets' shared runtime 23 bytes brotli, which its budget does not have.)
 */
export interface SignedShare {
  /** ballots, quiz answers and ideas made in the range */
  actions: number;
  /** of them, made by signed people */
  signed: number;
  /** signed ÷ actions; null without actions */
  share: number | null;
}
