done(trigger.event.objectType === 'contacts' && trigger.event.eventType === 'CREATED');
