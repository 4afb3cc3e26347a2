from . import expo_rebooking_wizard
from . import base_partner_merge_automatic_wizard
from . import expo_contract_change_wizard
