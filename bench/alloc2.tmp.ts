import { Rng } from '../shared/simulation/rng';
function main() {
  const rng = new Rng(1, 2, 3);
  let s = 0;
  for (let i = 0; i < 2e7; i++) s += rng.next();
  console.log(s);
}
main();
