from . import expo_role
from . import expo_series
from . import expo_participation
from . import event_event
from . import res_partner
from . import expo_relationship
from . import res_company
from . import res_config_settings
