from . import expo_rebooking_wizard
