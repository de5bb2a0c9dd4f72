"""Names shared by ArchiMate export and import: namespaces, property keys, identifier prefixes."""

from __future__ import annotations

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ARCHI_NS = "http://www.archimatetool.com/archimate"
SCHEMA_LOCATION = f"{NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

#: Our ids become "vsc-<id>" (an XML ID must not start with a digit); import reverses it.
#: Other tools keep identifiers, so a model that went through Archi still maps back.
ID_PREFIX = "vsc-"
#: The identifier of the business function our export writes for the chain itself.
CHAIN_ID = "chain"

# Property keys, written as propertyDefinitions (exchange) or property keys (Archi).
P_STREAM_KIND = "Stream kind"
P_TRIGGER = "Trigger"
P_VALUE = "Value"
P_SLAS = "SLAs"
P_COLOR = "Colour"
P_PROCESS = "Process time"
P_WAIT = "Wait time"
P_CA = "% complete and accurate"
P_ENTRANCE = "Entrance criteria"
P_EXIT = "Exit criteria"
P_VALUE_ITEMS = "Value items"
P_PRACTICES = "Practices"
P_KIND = "Stakeholder kind"
P_EXTERNAL = "External"
P_INITIALS = "Initials"
P_ROLE = "Role"
P_RACI = "RACI"
P_LINK_KIND = "Link kind"

#: Exchange-format data type of each property (all others are strings).
PROPERTY_TYPES = {P_CA: "number", P_EXTERNAL: "boolean"}
