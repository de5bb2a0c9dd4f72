"""The performance harness of issue 8: synthetic maps, cases beside floors, ``make bench``."""
