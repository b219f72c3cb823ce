"""The clinic's documents and the code that loads them and cuts them into passages."""
