from . import expo_segment_migration_wizard
