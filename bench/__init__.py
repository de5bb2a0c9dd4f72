"""The performance harness: synthetic maps, cases beside floors, ``make bench``."""
