// SCAFFOLD: replaced by the command line of the knowledge-base issue.
return 0;
