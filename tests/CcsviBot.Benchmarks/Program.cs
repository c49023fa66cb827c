// SCAFFOLD: replaced by the benchmarks of the knowledge-base issue.
return 0;
