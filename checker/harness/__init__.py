"""Test machinery shared by every kata: counters, schedulers, simulators, faulty disks."""
