# Copyright 2026 Expo CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Expo CRM Segmentation",
    "summary": "Customer segments, value tiers, churn risk and retention analytics "
    "across exhibition editions",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/expo-crm/expo-crm",
    "author": "Expo CRM contributors",
    "maintainers": ["expo-crm"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["expo_crm", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [],
}
