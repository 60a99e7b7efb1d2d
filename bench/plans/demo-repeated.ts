// The English demo plan grown to `count` customers by repeating its first
// customer under new ids and names (`over` changes any field of the copies):
// a large plan whose customers are alike, for the plan-file benchmarks. The
// Customers-screen benchmark wants varied customers: customers-50k.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Customer, Plan } from '../../shared/plan/types';

const DEMO = join(import.meta.dirname, '../../resources/demo/demo.en.plan.json');

export function demoRepeated(count: number, over: Partial<Customer> = {}): Plan {
  const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as Plan;
  const template = demo.customers[0]!;
  const extra: Customer[] = Array.from({ length: count - demo.customers.length }, (_, i) => ({
    ...template,
    id: `bench-${i}`,
    name: `Benchmark customer ${i}`,
    ...over,
  }));
  return { ...demo, customers: [...demo.customers, ...extra] };
}
